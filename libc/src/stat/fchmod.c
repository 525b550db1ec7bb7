/* libc/src/stat/fchmod.c — fchmod(2). */
#include <sys/stat.h>
#include "../internal.h"

int fchmod(int fd, mode_t mode)
{
	return __SC(2, __NR_fchmod, fd, mode);
}
