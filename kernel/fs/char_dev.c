/* kernel/fs/char_dev.c — character device nodes; Linux fs/char_dev.c
 * (chrdev_open), drivers/char/mem.c (null, zero, full) and random.c.
 * Opening a device node picks the driver's operations by major and minor
 * number:
 *	1,3 /dev/null	1,5 /dev/zero	1,7 /dev/full
 *	1,8 /dev/random	1,9 /dev/urandom (the bytes of getrandom(2); both
 *	never block, as Linux's once its pool is ready)
 *	5,0 /dev/tty	5,1 /dev/console
 *	240,0 /dev/tasks	240,1 /dev/kstat	240,2 /dev/fail-nth
 *	(kernel/fs/infodev.c) */
#include "fs.h"
#include "../drivers/random.h"
#include "../drivers/tty.h"
#include "../mm/uaccess.h"
#include <asm/errno.h>

#define MKDEV(ma, mi)	((ma) << 8 | (mi))

static long null_read(struct file *f __unused, char *ubuf __unused,
		      u32 count __unused, loff_t *pos __unused)
{
	return 0;
}

static long null_write(struct file *f __unused, const char *ubuf __unused,
		       u32 count, loff_t *pos __unused)
{
	return count;
}

static long zero_read(struct file *f __unused, char *ubuf, u32 count,
		      loff_t *pos __unused)
{
	return clear_user(ubuf, count) ? -EFAULT : (long)count;
}

/* full_write — /dev/full: every write finds the disk full */
static long full_write(struct file *f __unused, const char *ubuf __unused,
		       u32 count __unused, loff_t *pos __unused)
{
	return -ENOSPC;
}

static long random_read(struct file *f __unused, char *ubuf, u32 count,
			loff_t *pos __unused)
{
	char buf[64];
	u32 done = 0;

	while (done < count) {
		u32 n = MIN(count - done, sizeof(buf));

		get_random_bytes(buf, n);
		if (copy_to_user(ubuf + done, buf, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}

static const struct file_operations full_fops = {
	.read = zero_read,
	.write = full_write,
};

static const struct file_operations random_fops = {
	.read = random_read,
	.write = null_write,	/* adds nothing to the pool: accepted */
};

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
};


static int chrdev_open(struct inode *inode, struct file *f)
{
	if ((inode->i_rdev >> 8) == 240)
		return info_open(inode, f);
	switch (inode->i_rdev) {
	case MKDEV(1, 3):
		f->f_op = &null_fops;
		return 0;
	case MKDEV(1, 5):
		f->f_op = &zero_fops;
		return 0;
	case MKDEV(1, 7):
		f->f_op = &full_fops;
		return 0;
	case MKDEV(1, 8):
	case MKDEV(1, 9):
		f->f_op = &random_fops;
		return 0;
	case MKDEV(5, 0):
	case MKDEV(5, 1):
		f->f_op = &tty_fops;
		return 0;
	}
	return -ENXIO;
}

static const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

static int no_open(struct inode *inode __unused, struct file *f __unused)
{
	return -ENXIO;
}

static const struct file_operations bad_fops = {
	.open = no_open,
};

/* init_special_inode — device nodes, FIFOs and sockets on disk: a
 * character device opens its driver, a FIFO a pipe (kernel/fs/pipe.c);
 * block devices and sockets cannot be opened here (ENXIO). */
void init_special_inode(struct inode *inode)
{
	inode->i_fop = S_ISCHR(inode->i_mode) ? &def_chr_fops :
		       S_ISFIFO(inode->i_mode) ? &fifo_fops : &bad_fops;
}

static struct super_block devfs_sb;	/* for inodes that are on no disk */

/* console_inode — /dev/console when there is no root file system to
 * hold the node (the kernel still gives pid 1 its console). */
struct inode *console_inode(void)
{
	struct inode *inode = new_inode(&devfs_sb, 1);

	if (inode) {
		inode->i_mode = S_IFCHR | 0600;
		inode->i_rdev = MKDEV(5, 1);
		inode->i_nlink = 1;
		init_special_inode(inode);
	}
	return inode;
}
