/* libc/src/unistd/getegid.c — getegid(2). */
#include <unistd.h>
#include "../internal.h"

gid_t getegid(void)
{
	return __syscall0(__NR_getegid32);
}
