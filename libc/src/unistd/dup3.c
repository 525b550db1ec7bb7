/* libc/src/unistd/dup3.c — dup3(2). */
#include <unistd.h>
#include "../internal.h"

int dup3(int oldfd, int newfd, int flags)
{
	return __SC(3, __NR_dup3, oldfd, newfd, flags);
}
