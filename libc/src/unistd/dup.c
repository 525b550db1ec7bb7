/* libc/src/unistd/dup.c — dup(2). */
#include <unistd.h>
#include "../internal.h"

int dup(int fd)
{
	return __SC(1, __NR_dup, fd);
}
