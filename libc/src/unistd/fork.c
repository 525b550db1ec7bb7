/* libc/src/unistd/fork.c — fork(2). */
#include <unistd.h>
#include "../internal.h"

pid_t fork(void)
{
	return __SC(0, __NR_fork);
}
