/* libc/src/stat/fchmodat.c — fchmodat(2); the kernel's call has no flags
 * (AT_SYMLINK_NOFOLLOW would need fchmodat2): any flag is EINVAL here. */
#include <errno.h>
#include <sys/stat.h>
#include "../internal.h"

int fchmodat(int dfd, const char *path, mode_t mode, int flags)
{
	if (flags) {
		errno = EINVAL;
		return -1;
	}
	return __SC(3, __NR_fchmodat, dfd, (long)path, mode);
}
