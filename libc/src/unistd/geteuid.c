/* libc/src/unistd/geteuid.c — geteuid(2). */
#include <unistd.h>
#include "../internal.h"

uid_t geteuid(void)
{
	return __syscall0(__NR_geteuid32);
}
