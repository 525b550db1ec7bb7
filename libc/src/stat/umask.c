/* libc/src/stat/umask.c — umask(2). */
#include <sys/stat.h>
#include "../internal.h"

mode_t umask(mode_t mask)
{
	return __syscall1(__NR_umask, mask);
}
