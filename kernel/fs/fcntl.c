/* kernel/fs/fcntl.c — dup, dup2, dup3, fcntl; Linux fs/fcntl.c and
 * fs/file.c (do_dup2). A duplicate shares the open file description
 * (offset, flags); close-on-exec belongs to the descriptor. */
#include "fdtable.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/termios.h>

#define ENOIOCTLCMD	515	/* kernel only: not a generic request */

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME)

static long dupfd(unsigned int oldfd, unsigned int from, bool cloexec)
{
	struct file *f;
	int fd;

	if (from >= fd_limit())
		return fd_is_open(oldfd) ? -EINVAL : -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	fd = get_unused_fd(from);
	if (fd >= 0)
		fd_install(fd, f, cloexec);	/* the slot keeps our reference */
	else
		fput(f);
	return fd;
}

long sys_dup(unsigned int oldfd)
{
	return dupfd(oldfd, 0, false);
}

/* do_dup2 — newfd becomes a copy of oldfd, closing what it was. */
static long do_dup2(unsigned int oldfd, unsigned int newfd, bool cloexec)
{
	struct file *f;

	if (newfd >= fd_limit())
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	replace_fd(newfd, f, cloexec);	/* the slot keeps our reference */
	return newfd;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fd_is_open(oldfd) ? (long)newfd : -EBADF;
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

/* do_fcntl — wide: called as fcntl64, whose F_*LK64 take struct flock64
 * (as the OFD commands then do). */
static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *f, bool wide)
{
	switch (cmd) {
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return fcntl_lock(f, cmd, (void *)arg, false);
	case F_GETLK64:
	case F_SETLK64:
	case F_SETLKW64:
		return wide ? fcntl_lock(f, cmd, (void *)arg, true) : -EINVAL;
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return fcntl_lock(f, cmd, (void *)arg, wide);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
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

static long fcntl_common(unsigned int fd, unsigned int cmd, unsigned long arg,
			 bool wide)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = do_fcntl(fd, cmd, arg, f, wide);
	fput(f);
	return r;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return fcntl_common(fd, cmd, arg, false);
}

long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return fcntl_common(fd, cmd, arg, true);
}

/* vfs_ioctl — the requests every descriptor answers, whatever its file
 * (Linux do_vfs_ioctl); -ENOIOCTLCMD: the file's own ->ioctl decides. */
static long vfs_ioctl(unsigned int fd, struct file *f, u32 cmd, u32 arg)
{
	struct inode *inode = f->f_inode;
	u32 on;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_cloexec(fd, cmd == FIOCLEX);
		return 0;
	case FIONBIO:
		if (get_user_u32(&on, (u32 *)arg))
			return -EFAULT;
		f->f_flags = on ? f->f_flags | O_NONBLOCK : f->f_flags & ~O_NONBLOCK;
		return 0;
	case FIOQSIZE:
		if (!S_ISDIR(inode->i_mode) && !S_ISREG(inode->i_mode) &&
		    !S_ISLNK(inode->i_mode))
			return -ENOTTY;
		/* the space it takes, as st_blocks counts it */
		return copy_to_user((void *)arg,
				    &(loff_t){ (loff_t)inode->i_blocks * 512 },
				    sizeof(loff_t)) ? -EFAULT : 0;
	case FIONREAD:
		if (!S_ISREG(inode->i_mode))
			break;
		return put_user_u32(inode->i_size - f->f_pos, (u32 *)arg) ?
		       -EFAULT : 0;
	}
	return -ENOIOCTLCMD;
}

long sys_ioctl(unsigned int fd, u32 cmd, u32 arg)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = vfs_ioctl(fd, f, cmd, arg);
	if (r == -ENOIOCTLCMD)
		r = f->f_op && f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg) :
		    -ENOTTY;
	fput(f);
	return r;
}
