/* libc/src/unistd/pipe2.c — pipe2(2). */
#include <unistd.h>
#include "../internal.h"

int pipe2(int fds[2], int flags)
{
	return __SC(2, __NR_pipe2, (long)fds, flags);
}
