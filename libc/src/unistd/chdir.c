/* libc/src/unistd/chdir.c — chdir(2). */
#include <unistd.h>
#include "../internal.h"

int chdir(const char *path)
{
	return __SC(1, __NR_chdir, (long)path);
}
