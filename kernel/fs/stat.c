/* kernel/fs/stat.c — stat64, lstat64, fstat64, fstatat64; Linux
 * fs/stat.c (cp_new_stat64). Device 0x801 stands for the one disk
 * (/dev/sda1 style numbering); pipes are on a device of their own. */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
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
	char *path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = getname(upath, &path);
	if (err)
		return err;
	err = path_lookup(dfd, path, !(flag & AT_SYMLINK_NOFOLLOW), &inode);
	putname(path);
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
