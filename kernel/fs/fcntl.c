/* kernel/fs/fcntl.c — dup, dup2, dup3, fcntl; Linux fs/fcntl.c and
 * fs/file.c (do_dup2). A duplicate shares the open file description
 * (offset, flags); close-on-exec belongs to the descriptor. */
#include "fdtable.h"
#include "../task/sched.h"
#include <asm/errno.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME)

static long dupfd(unsigned int oldfd, unsigned int from, bool cloexec)
{
	struct file *f = fget(oldfd);
	int fd;

	if (!f)
		return -EBADF;
	if (from >= fd_limit())
		return -EINVAL;
	fd = get_unused_fd(from);
	if (fd >= 0)
		fd_install(fd, get_file(f), cloexec);
	return fd;
}

long sys_dup(unsigned int oldfd)
{
	return dupfd(oldfd, 0, false);
}

/* do_dup2 — newfd becomes a copy of oldfd, closing what it was. */
static long do_dup2(unsigned int oldfd, unsigned int newfd, bool cloexec)
{
	struct file *f = fget(oldfd), *old;

	if (!f)
		return -EBADF;
	if (newfd >= fd_limit())
		return -EBADF;
	old = fget(newfd);
	fd_install(newfd, get_file(f), cloexec);
	if (old)
		fput(old);
	return newfd;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? (long)newfd : -EBADF;
	return do_dup2(oldfd, newfd, false);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, u32 flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, flags & O_CLOEXEC);
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		return dupfd(fd, arg, false);
	case F_DUPFD_CLOEXEC:
		return dupfd(fd, arg, true);
	case F_GETFD:
		return fd_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_cloexec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags & ~O_CLOEXEC;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	}
	return -EINVAL;
}

long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return sys_fcntl(fd, cmd, arg);
}

long sys_ioctl(unsigned int fd, u32 cmd, u32 arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op || !f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}
