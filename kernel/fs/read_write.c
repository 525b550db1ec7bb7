/* kernel/fs/read_write.c — read, write, their vectored and positioned
 * forms, and lseek; Linux fs/read_write.c (vfs_read, vfs_write, llseek);
 * ULK 12.6.2. */
#include "fdtable.h"
#include "../mm/kmalloc.h"
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define UIO_MAXIOV	1024
#define MAX_RW_COUNT	0x7ffff000u	/* INT_MAX rounded down to a page */

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
		count = MAX_RW_COUNT;
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
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (f->f_flags & O_APPEND)
		*pos = f->f_inode->i_size;	/* O_APPEND: at the end, always */
	return f->f_op->write(f, buf, count, pos);
}

/* simple_read_from_buffer — a read of a file whose whole text is in
 * kernel memory (procfs, /dev/tasks): the part at *pos, at most count
 * bytes; Linux fs/libfs.c. */
long simple_read_from_buffer(char *ubuf, u32 count, loff_t *pos,
			     const char *from, u32 available)
{
	if (*pos >= available)
		return 0;
	count = MIN(count, (u32)(available - *pos));
	if (copy_to_user(ubuf, from + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

long sys_read(unsigned int fd, char *buf, u32 count)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = vfs_read(f, buf, count, &f->f_pos);
	fput(f);
	return r;
}

long sys_write(unsigned int fd, const char *buf, u32 count)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = vfs_write(f, buf, count, &f->f_pos);
	fput(f);
	return r;
}

/* import_iovec — copy and check the whole vector before any I/O, as
 * Linux does: a length that does not fit ssize_t is -EINVAL, a buffer
 * outside user space -EFAULT, and the total is cut to MAX_RW_COUNT. */
static int import_iovec(const struct iovec *uvec, u32 n, struct iovec *v)
{
	u32 total = 0;

	if (copy_from_user(v, uvec, n * sizeof(*v)))
		return -EFAULT;
	for (u32 i = 0; i < n; i++)
		if ((s32)v[i].iov_len < 0)
			return -EINVAL;
	for (u32 i = 0; i < n; i++) {
		if (!access_ok(v[i].iov_base, v[i].iov_len))
			return -EFAULT;
		v[i].iov_len = MIN(v[i].iov_len, MAX_RW_COUNT - total);
		total += v[i].iov_len;
	}
	return 0;
}

/* iov_rw — each buffer in turn, stopping short like Linux. */
static long iov_rw(struct file *f, const struct iovec *v, u32 n, bool w)
{
	long done = 0, r;

	for (u32 i = 0; i < n; i++) {
		r = w ? vfs_write(f, v[i].iov_base, v[i].iov_len, &f->f_pos) :
			vfs_read(f, v[i].iov_base, v[i].iov_len, &f->f_pos);
		if (r < 0)
			return done ? done : r;
		done += r;
		if ((u32)r < v[i].iov_len)
			break;
	}
	return done;
}

/* do_iov — readv/writev: the vector is checked before the file's mode. */
static long do_iov(unsigned int fd, const struct iovec *uvec, u32 n, bool w)
{
	struct file *f = fget(fd);
	struct iovec *v = NULL;
	long r;

	if (!f)
		return -EBADF;
	r = n > UIO_MAXIOV ? -EINVAL : 0;
	if (!r && n) {
		v = kmalloc(n * sizeof(*v));
		r = v ? import_iovec(uvec, n, v) : -ENOMEM;
	}
	if (!r)
		r = iov_rw(f, v, n, w);
	kfree(v);
	fput(f);
	return r;
}

long sys_readv(unsigned int fd, const struct iovec *vec, u32 n)
{
	return do_iov(fd, vec, n, false);
}

long sys_writev(unsigned int fd, const struct iovec *vec, u32 n)
{
	return do_iov(fd, vec, n, true);
}

/* do_prw — pread64's and pwrite64's checks; only regular files (and,
 * for reading, directories, which then say EISDIR) have positions. */
static long do_prw(unsigned int fd, char *buf, u32 count, loff_t pos, bool w)
{
	struct file *f = fget(fd);
	u16 mode;
	long r;

	if (!f)
		return -EBADF;
	mode = f->f_inode->i_mode;
	if (pos < 0)
		r = -EINVAL;
	else if (!S_ISREG(mode) && (w || !S_ISDIR(mode)))
		r = -ESPIPE;
	else
		r = w ? vfs_write(f, buf, count, &pos) :
			vfs_read(f, buf, count, &pos);
	fput(f);
	return r;
}

long sys_pread64(unsigned int fd, char *buf, u32 count, u32 lo, u32 hi)
{
	return do_prw(fd, buf, count, ((loff_t)hi << 32) | lo, false);
}

long sys_pwrite64(unsigned int fd, const char *buf, u32 count, u32 lo, u32 hi)
{
	return do_prw(fd, (char *)buf, count, ((loff_t)hi << 32) | lo, true);
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
	fput(f);
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
	fput(f);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

/* sendfile_copy — the transfer: through one page of kernel memory,
 * opened to the file operations as if it were the user's (access_ok in
 * mm/uaccess.h), so that every file type reads and writes through its
 * ordinary path. A short write ends it; *pos stays after what was sent. */
static long sendfile_copy(struct file *in, struct file *out, loff_t *pos,
			  loff_t *opos, u32 count)
{
	char *buf = kmalloc(PAGE_SIZE);
	long done = 0, n, w = 0;

	if (!buf)
		return -ENOMEM;
	current->kwindow_start = (unsigned long)buf;
	current->kwindow_end = (unsigned long)buf + PAGE_SIZE;
	while ((u32)done < count) {
		n = vfs_read(in, buf, MIN(count - done, (u32)PAGE_SIZE), pos);
		if (n <= 0 || (w = vfs_write(out, buf, n, opos)) <= 0) {
			if (!done)
				done = n <= 0 ? n : w;
			break;
		}
		done += w;
		*pos -= n - w;		/* what was read but not written */
		if (w < n || signal_pending(current))
			break;
	}
	current->kwindow_start = current->kwindow_end = 0;
	kfree(buf);
	return done;
}

/* sendfile_checks — Linux do_sendfile's, in its order, once both files
 * are known: positions only on regular files (ESPIPE), no directory, no
 * O_APPEND output (EINVAL), and a range that fits below max. */
static long sendfile_checks(struct file *in, struct file *out, loff_t pos,
			    bool positioned, u32 *count, loff_t max)
{
	if (positioned && !S_ISREG(in->f_inode->i_mode))
		return -ESPIPE;
	if (!out || !(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if (pos < 0 || S_ISDIR(in->f_inode->i_mode) || (out->f_flags & O_APPEND))
		return -EINVAL;
	*count = MIN(*count, MAX_RW_COUNT);
	if (pos + *count > max) {
		if (pos >= max)
			return -EOVERFLOW;
		*count = max - pos;
	}
	return 0;
}

/* do_sendfile — copy count bytes from in_fd (from *ppos, or its own
 * offset when ppos is NULL) to out_fd, inside the kernel. */
static long do_sendfile(int out_fd, int in_fd, loff_t *ppos, u32 count,
			loff_t max)
{
	struct file *in = fget(in_fd), *out;
	loff_t pos;
	long r;

	if (!in || !(in->f_mode & FMODE_READ)) {
		if (in)
			fput(in);
		return -EBADF;
	}
	pos = ppos ? *ppos : in->f_pos;
	out = fget(out_fd);
	r = sendfile_checks(in, out, pos, ppos, &count, max);
	if (!r)
		r = sendfile_copy(in, out, &pos, &out->f_pos, count);
	if (r >= 0 && ppos)
		*ppos = pos;
	else if (r >= 0)
		in->f_pos = pos;
	if (out)
		fput(out);
	fput(in);
	return r;
}

/* copy_range_files — copy_file_range's checks on the two files, in
 * Linux's order (generic_copy_file_checks): both open the right way
 * (EBADF), both regular files (EISDIR for a directory, else EINVAL),
 * output not O_APPEND (EBADF). */
static long copy_range_files(struct file *in, struct file *out)
{
	if (!in || !out || !(in->f_mode & FMODE_READ) ||
	    !(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISDIR(in->f_inode->i_mode) || S_ISDIR(out->f_inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(in->f_inode->i_mode) || !S_ISREG(out->f_inode->i_mode))
		return -EINVAL;
	return out->f_flags & O_APPEND ? -EBADF : 0;
}

/* get_off, put_off — an optional 64-bit offset in user memory, else
 * the file's own position. */
static long get_off(const loff_t *uoff, struct file *f, loff_t *pos)
{
	if (!uoff) {
		*pos = f->f_pos;
		return 0;
	}
	if (copy_from_user(pos, uoff, sizeof(*pos)))
		return -EFAULT;
	return *pos < 0 ? -EINVAL : 0;
}

static void put_off(loff_t *uoff, struct file *f, loff_t pos)
{
	if (!uoff)
		f->f_pos = pos;
	else
		copy_to_user(uoff, &pos, sizeof(pos));
}

/* sys_copy_file_range — len bytes from fd_in to fd_out inside the
 * kernel, through the files' own read and write (the page cache), as
 * sendfile does; flags must be 0. */
long sys_copy_file_range(int fd_in, loff_t *uoff_in, int fd_out,
			 loff_t *uoff_out, u32 len, unsigned int flags)
{
	struct file *in = fget(fd_in), *out = fget(fd_out);
	loff_t pin, pout;
	long r = flags ? -EINVAL : copy_range_files(in, out);

	r = r ?: get_off(uoff_in, in, &pin) ?: get_off(uoff_out, out, &pout);
	if (!r && in->f_inode == out->f_inode && pin < pout + len &&
	    pout < pin + len)
		r = -EINVAL;		/* overlapping ranges of one file */
	if (!r && len) {
		r = sendfile_copy(in, out, &pin, &pout, MIN(len, MAX_RW_COUNT));
		if (r >= 0) {
			put_off(uoff_in, in, pin);
			put_off(uoff_out, out, pout);
		}
	}
	if (in)
		fput(in);
	if (out)
		fput(out);
	return r;
}

long sys_sendfile(int out_fd, int in_fd, s32 *uoffset, u32 count)
{
	s32 off;
	loff_t pos;
	long r;

	if (!uoffset)
		return do_sendfile(out_fd, in_fd, NULL, count, 0x7fffffff);
	if (copy_from_user(&off, uoffset, sizeof(off)))
		return -EFAULT;
	pos = off;
	r = do_sendfile(out_fd, in_fd, &pos, count, 0x7fffffff);
	if (r > 0 && put_user_u32((u32)pos, (u32 *)uoffset))
		return -EFAULT;
	return r;
}

long sys_sendfile64(int out_fd, int in_fd, loff_t *uoffset, u32 count)
{
	loff_t pos;
	long r;

	if (!uoffset)
		return do_sendfile(out_fd, in_fd, NULL, count, 0x7fffffffLL);
	if (copy_from_user(&pos, uoffset, sizeof(pos)))
		return -EFAULT;
	r = do_sendfile(out_fd, in_fd, &pos, count, 0x7fffffffLL);
	if (r > 0 && copy_to_user(uoffset, &pos, sizeof(pos)))
		return -EFAULT;
	return r;
}
