/* libc/src/unistd/pipe.c — pipe(2). */
#include <unistd.h>
#include "../internal.h"

int pipe(int fds[2])
{
	return __SC(1, __NR_pipe, (long)fds);
}
