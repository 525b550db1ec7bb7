/* kernel/fs/read_write.c — read, write, their vectored and positioned
 * forms, and lseek; Linux fs/read_write.c (vfs_read, vfs_write, llseek);
 * ULK 12.6.2. */
#include "fdtable.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include <asm/errno.h>

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define UIO_MAXIOV	1024

struct iovec {
	void *iov_base;
	u32 iov_len;
};

static long vfs_read(struct file *f, char *buf, u32 count, loff_t *pos)
{
	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode))
		return -EISDIR;
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	if ((s32)count < 0)
		count = 0x7ffff000;	/* MAX_RW_COUNT */
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, count, pos);
}

static long vfs_write(struct file *f, const char *buf, u32 count, loff_t *pos)
{
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	if ((s32)count < 0)
		count = 0x7ffff000;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (f->f_flags & O_APPEND)
		*pos = f->f_inode->i_size;	/* O_APPEND: at the end, always */
	return f->f_op->write(f, buf, count, pos);
}

long sys_read(unsigned int fd, char *buf, u32 count)
{
	struct file *f = fget(fd);

	return f ? vfs_read(f, buf, count, &f->f_pos) : -EBADF;
}

long sys_write(unsigned int fd, const char *buf, u32 count)
{
	struct file *f = fget(fd);

	return f ? vfs_write(f, buf, count, &f->f_pos) : -EBADF;
}

/* do_iov — readv/writev: each buffer in turn, stopping short like Linux. */
static long do_iov(unsigned int fd, const struct iovec *uvec, int n, bool w)
{
	struct file *f = fget(fd);
	struct iovec v;
	long done = 0, r = 0;

	if (!f)
		return -EBADF;
	if (n < 0 || n > UIO_MAXIOV)
		return -EINVAL;
	for (int i = 0; i < n; i++) {
		if (copy_from_user(&v, uvec + i, sizeof(v)))
			return done ? done : -EFAULT;
		r = w ? vfs_write(f, v.iov_base, v.iov_len, &f->f_pos) :
			vfs_read(f, v.iov_base, v.iov_len, &f->f_pos);
		if (r < 0)
			return done ? done : r;
		done += r;
		if ((u32)r < v.iov_len)
			break;
	}
	return done;
}

long sys_readv(unsigned int fd, const struct iovec *vec, int n)
{
	return do_iov(fd, vec, n, false);
}

long sys_writev(unsigned int fd, const struct iovec *vec, int n)
{
	return do_iov(fd, vec, n, true);
}

long sys_pread64(unsigned int fd, char *buf, u32 count, u32 lo, u32 hi)
{
	struct file *f = fget(fd);
	loff_t pos = ((loff_t)hi << 32) | lo;

	if (!f)
		return -EBADF;
	if (pos < 0)
		return -EINVAL;
	if (!S_ISREG(f->f_inode->i_mode) && !S_ISDIR(f->f_inode->i_mode))
		return -ESPIPE;
	return vfs_read(f, buf, count, &pos);
}

long sys_pwrite64(unsigned int fd, const char *buf, u32 count, u32 lo, u32 hi)
{
	struct file *f = fget(fd);
	loff_t pos = ((loff_t)hi << 32) | lo;

	if (!f)
		return -EBADF;
	if (pos < 0)
		return -EINVAL;
	if (!S_ISREG(f->f_inode->i_mode))
		return -ESPIPE;
	return vfs_write(f, buf, count, &pos);
}

/* vfs_llseek — pipes and ttys cannot seek (-ESPIPE). */
static loff_t vfs_llseek(struct file *f, loff_t off, int whence)
{
	u16 mode = f->f_inode->i_mode;
	loff_t pos;

	if (S_ISFIFO(mode) || S_ISSOCK(mode) || S_ISCHR(mode))
		return S_ISCHR(mode) ? 0 : -ESPIPE;
	if (whence == SEEK_SET)
		pos = off;
	else if (whence == SEEK_CUR)
		pos = f->f_pos + off;
	else if (whence == SEEK_END)
		pos = f->f_inode->i_size + off;
	else
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

long sys_lseek(unsigned int fd, long off, int whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = vfs_llseek(f, off, whence);
	if (pos > 0x7fffffffLL)
		return -EOVERFLOW;
	return pos;
}

long sys_llseek(unsigned int fd, u32 hi, u32 lo, loff_t *result, int whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = vfs_llseek(f, ((loff_t)hi << 32) | lo, whence);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}
