/* libc/src/unistd/rmdir.c — rmdir(2). */
#include <unistd.h>
#include "../internal.h"

int rmdir(const char *path)
{
	return __SC(1, __NR_rmdir, (long)path);
}
