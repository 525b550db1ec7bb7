/* libc/src/fcntl/fcntl.c — fcntl(2), through fcntl64. fcntl64 takes
 * struct flock for F_GETLK/F_SETLK/F_SETLKW but struct flock64 for the
 * open file description locks (F_OFD_*), so those go through a copy in
 * the wide form (as glibc does for programs with a 32-bit off_t). */
#include <fcntl.h>
#include <stdarg.h>
#include "../internal.h"

static int ofd_lock(int fd, int cmd, struct flock *fl)
{
	struct flock64 wide = { fl->l_type, fl->l_whence, fl->l_start,
				fl->l_len, fl->l_pid };
	int r = __SC(3, __NR_fcntl64, fd, cmd, (long)&wide);

	if (r || cmd != F_OFD_GETLK)
		return r;
	if (wide.l_start != (long)wide.l_start || wide.l_len != (long)wide.l_len) {
		errno = EOVERFLOW;
		return -1;
	}
	*fl = (struct flock){ wide.l_type, wide.l_whence, wide.l_start,
			      wide.l_len, wide.l_pid };
	return 0;
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW)
		return ofd_lock(fd, cmd, (struct flock *)arg);
	return __SC(3, __NR_fcntl64, fd, cmd, arg);
}
