/* kernel/fs/stat.c — stat64, lstat64, fstat64, fstatat64, statx and
 * readlink; Linux fs/stat.c (cp_new_stat64, cp_statx). Device 0x801 stands for the one disk
 * (/dev/sda1 style numbering); pipes are on a device of their own. */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define ROOT_DEV	0x801

static int cp_stat64(struct inode *inode, struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = inode->i_sb ? ROOT_DEV : 0;
	st.__st_ino = st.st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = inode->i_nlink;
	st.st_uid = inode->i_uid;
	st.st_gid = inode->i_gid;
	st.st_rdev = S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode) ?
		     inode->i_rdev : 0;
	st.st_size = inode->i_size;
	st.st_blksize = inode->i_sb ? inode->i_sb->s_blocksize : 4096;
	st.st_blocks = inode->i_blocks;
	st.st_atime = inode->i_atime;
	st.st_mtime = inode->i_mtime;
	st.st_ctime = inode->i_ctime;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstatat64(int dfd, const char *upath, struct stat64 *ubuf, int flag)
{
	struct inode *inode;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, upath, flag, &inode);
	if (err)
		return err;
	err = cp_stat64(inode, ubuf);
	iput(inode);
	return err;
}

long sys_stat64(const char *upath, struct stat64 *ubuf)
{
	return sys_fstatat64(AT_FDCWD, upath, ubuf, 0);
}

long sys_lstat64(const char *upath, struct stat64 *ubuf)
{
	return sys_fstatat64(AT_FDCWD, upath, ubuf, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat64(unsigned int fd, struct stat64 *ubuf)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = cp_stat64(f->f_inode, ubuf);
	fput(f);
	return r;
}

/* struct statx (Linux include/uapi/linux/stat.h): 256 bytes, every
 * field at the same offset on every architecture. */
struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 spare[14];
};

#define STATX_BASIC_STATS	0x7ffu	/* type, mode ... blocks */
#define STATX__RESERVED		0x80000000u
#define AT_STATX_SYNC_TYPE	0x6000

/* cp_statx — what ext2 has: the basic fields, whatever was asked for
 * (statx(2): a file system may return more than the mask asked). ext2
 * keeps no birth time, so STATX_BTIME is never in the mask. */
static int cp_statx(struct inode *inode, struct statx *ubuf)
{
	struct statx st;
	u32 rdev = S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode) ?
		   inode->i_rdev : 0;
	u32 dev = inode->i_sb ? ROOT_DEV : 0;

	memset(&st, 0, sizeof(st));
	st.stx_mask = STATX_BASIC_STATS;
	st.stx_blksize = inode->i_sb ? inode->i_sb->s_blocksize : 4096;
	st.stx_nlink = inode->i_nlink;
	st.stx_uid = inode->i_uid;
	st.stx_gid = inode->i_gid;
	st.stx_mode = inode->i_mode;
	st.stx_ino = inode->i_ino;
	st.stx_size = inode->i_size;
	st.stx_blocks = inode->i_blocks;
	st.stx_atime.tv_sec = inode->i_atime;
	st.stx_ctime.tv_sec = inode->i_ctime;
	st.stx_mtime.tv_sec = inode->i_mtime;
	st.stx_rdev_major = rdev >> 8;
	st.stx_rdev_minor = rdev & 0xff;
	st.stx_dev_major = dev >> 8;
	st.stx_dev_minor = dev & 0xff;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* sys_statx — Linux's checks first: unknown flags, both sync types at
 * once, or a reserved mask bit are EINVAL. */
long sys_statx(int dfd, const char *upath, int flag, u32 mask,
	       struct statx *ubuf)
{
	struct inode *inode;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		     AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flag & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	err = user_path_at(dfd, upath, flag, &inode);
	if (err)
		return err;
	err = cp_statx(inode, ubuf);
	iput(inode);
	return err;
}

/* sys_readlinkat — the target of a symbolic link, not NUL-terminated,
 * cut to bufsiz; a file that is not a link is EINVAL, as readlink(2)
 * says. */
long sys_readlinkat(int dfd, const char *upath, char *buf, int bufsiz)
{
	struct inode *inode;
	char *target;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, upath, AT_SYMLINK_NOFOLLOW, &inode);
	if (err)
		return err;
	if (!S_ISLNK(inode->i_mode) || !inode->i_op || !inode->i_op->get_link) {
		iput(inode);
		return -EINVAL;
	}
	target = kmalloc(PATH_MAX);
	err = target ? inode->i_op->get_link(inode, target, PATH_MAX) : -ENOMEM;
	iput(inode);
	if (err >= 0) {
		err = MIN(err, bufsiz);
		if (copy_to_user(buf, target, err))
			err = -EFAULT;
	}
	kfree(target);
	return err;
}

long sys_readlink(const char *upath, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, upath, buf, bufsiz);
}
