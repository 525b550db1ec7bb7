/* libc/src/unistd/getgid.c — getgid(2). */
#include <unistd.h>
#include "../internal.h"

gid_t getgid(void)
{
	return __syscall0(__NR_getgid32);
}
