/* libc/src/unistd/unlink.c — unlink(2). */
#include <unistd.h>
#include "../internal.h"

int unlink(const char *path)
{
	return __SC(1, __NR_unlink, (long)path);
}
