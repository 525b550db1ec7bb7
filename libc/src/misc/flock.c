/* libc/src/misc/flock.c — flock(2). */
#include <sys/file.h>
#include "../internal.h"

int flock(int fd, int op)
{
	return __SC(2, __NR_flock, fd, op);
}
