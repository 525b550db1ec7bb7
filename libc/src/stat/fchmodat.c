/* libc/src/stat/fchmodat.c — fchmodat(2), mknod(2), mkfifo(3). The
 * kernel's fchmodat has no flags
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

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return __SC(3, __NR_mknod, (long)path, mode, (long)dev);
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, S_IFIFO | (mode & 07777), 0);
}
