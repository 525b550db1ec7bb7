/* libc/src/stat/chmod.c — chmod(2). */
#include <sys/stat.h>
#include "../internal.h"

int chmod(const char *path, mode_t mode)
{
	return __SC(2, __NR_chmod, (long)path, mode);
}
