/* libc/src/stdio/rename.c — rename(2). */
#include <stdio.h>
#include "../internal.h"

int rename(const char *old, const char *new)
{
	return __SC(2, __NR_rename, (long)old, (long)new);
}
