/* libc/src/stdio/rename.c — rename(2), and remove(3): unlink, or rmdir
 * for a directory (C11 7.21.4.1, POSIX). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include "../internal.h"

int rename(const char *old, const char *new)
{
	return __SC(2, __NR_rename, (long)old, (long)new);
}

int remove(const char *path)
{
	int r = unlink(path);

	return r && errno == EISDIR ? rmdir(path) : r;
}
