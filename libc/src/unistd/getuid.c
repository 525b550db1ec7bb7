/* libc/src/unistd/getuid.c — getuid(2). */
#include <unistd.h>
#include "../internal.h"

uid_t getuid(void)
{
	return __syscall0(__NR_getuid32);
}
