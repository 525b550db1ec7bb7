/* libc/src/stat/mkdir.c — mkdir(2). */
#include <sys/stat.h>
#include "../internal.h"

int mkdir(const char *path, mode_t mode)
{
	return __SC(2, __NR_mkdir, (long)path, mode);
}
