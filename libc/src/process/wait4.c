/* libc/src/process/wait4.c — wait4(2). */
#include <sys/wait.h>
#include "../internal.h"

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __SC_CP(__NR_wait4, pid, status, options, ru);
}
