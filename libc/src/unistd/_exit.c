/* libc/src/unistd/_exit.c — _exit(2): ends every thread of the process (exit_group). */
#include <unistd.h>
#include "../internal.h"

void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}
