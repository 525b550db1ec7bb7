/* libc/src/process/wait.c — wait(2) and wait3(2). */
#include <sys/wait.h>

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t wait3(int *status, int options, struct rusage *ru)
{
	return wait4(-1, status, options, ru);
}
