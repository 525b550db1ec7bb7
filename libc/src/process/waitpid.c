/* libc/src/process/waitpid.c — waitpid(2), through wait4 as glibc does. */
#include <sys/wait.h>
#include "../internal.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	return __SC_CP(__NR_wait4, pid, status, options, 0);
}
