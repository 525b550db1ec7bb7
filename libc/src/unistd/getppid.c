/* libc/src/unistd/getppid.c — getppid(2). */
#include <unistd.h>
#include "../internal.h"

pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}
