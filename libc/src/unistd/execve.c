/* libc/src/unistd/execve.c — execve(2). */
#include <unistd.h>
#include "../internal.h"

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __SC(3, __NR_execve, (long)path, (long)argv, (long)envp);
}
