/* libc/src/unistd/getpid.c — getpid(2): the thread group id. */
#include <unistd.h>
#include "../internal.h"

pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}
