/* libc/src/unistd/access.c — access(2). */
#include <unistd.h>
#include "../internal.h"

int access(const char *path, int mode)
{
	return __SC(2, __NR_access, (long)path, mode);
}
