/* libc/src/unistd/gettid.c — gettid(2): the calling thread's own id. */
#include <unistd.h>
#include "../internal.h"

pid_t gettid(void)
{
	return __syscall0(__NR_gettid);
}
