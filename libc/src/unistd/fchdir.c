/* libc/src/unistd/fchdir.c — fchdir(2). */
#include <unistd.h>
#include "../internal.h"

int fchdir(int fd)
{
	return __SC(1, __NR_fchdir, fd);
}
