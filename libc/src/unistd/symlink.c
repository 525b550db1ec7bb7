/* libc/src/unistd/symlink.c — symlink(2) and symlinkat(2). */
#include <unistd.h>
#include "../internal.h"

int symlink(const char *target, const char *path)
{
	return __SC(2, __NR_symlink, (long)target, (long)path);
}

int symlinkat(const char *target, int dfd, const char *path)
{
	return __SC(3, __NR_symlinkat, (long)target, dfd, (long)path);
}
