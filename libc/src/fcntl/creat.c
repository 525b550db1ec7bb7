/* libc/src/fcntl/creat.c — creat(2). */
#include <fcntl.h>
#include "../internal.h"

int creat(const char *path, mode_t mode)
{
	return __SC(2, __NR_creat, (long)path, mode);
}
