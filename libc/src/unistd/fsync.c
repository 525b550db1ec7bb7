/* libc/src/unistd/fsync.c — fsync(2). */
#include <unistd.h>
#include "../internal.h"

int fsync(int fd)
{
	return __SC(1, __NR_fsync, fd);
}
