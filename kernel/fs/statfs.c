/* kernel/fs/statfs.c — statfs(2), fstatfs(2) and their 64-bit forms:
 * what a file system holds and has free. Linux fs/statfs.c; the i386
 * layouts of struct statfs and statfs64 (asm-generic/statfs.h, packed to
 * four bytes). df and coreutils ask it. */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

struct statfs32 {
	u32 f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	u32 f_fsid[2], f_namelen, f_frsize, f_flags, f_spare[4];
};

struct statfs64 {
	u32 f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	u32 f_fsid[2], f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

/* vfs_statfs — the counts of inode's file system. */
static void vfs_statfs(struct inode *inode, struct kstatfs *st)
{
	struct super_block *sb = inode->i_sb;

	memset(st, 0, sizeof(*st));
	st->f_type = sb->s_magic;
	st->f_bsize = sb->s_blocksize;
	st->f_namelen = NAME_MAX;
	if (sb->s_op && sb->s_op->statfs)
		sb->s_op->statfs(sb, st);
}

/* put_statfs — the old layout: counts that do not fit are EOVERFLOW. */
static long put_statfs(const struct kstatfs *st, struct statfs32 *ubuf)
{
	struct statfs32 b = {
		.f_type = st->f_type, .f_bsize = st->f_bsize,
		.f_blocks = st->f_blocks, .f_bfree = st->f_bfree,
		.f_bavail = st->f_bavail, .f_files = st->f_files,
		.f_ffree = st->f_ffree, .f_namelen = st->f_namelen,
		.f_frsize = st->f_bsize,
	};

	if (st->f_blocks >> 32 || st->f_files >> 32)
		return -EOVERFLOW;
	return copy_to_user(ubuf, &b, sizeof(b)) ? -EFAULT : 0;
}

static long put_statfs64(const struct kstatfs *st, struct statfs64 *ubuf)
{
	struct statfs64 b = {
		.f_type = st->f_type, .f_bsize = st->f_bsize,
		.f_blocks = st->f_blocks, .f_bfree = st->f_bfree,
		.f_bavail = st->f_bavail, .f_files = st->f_files,
		.f_ffree = st->f_ffree, .f_namelen = st->f_namelen,
		.f_frsize = st->f_bsize,
	};

	return copy_to_user(ubuf, &b, sizeof(b)) ? -EFAULT : 0;
}

/* path_statfs, fd_statfs — the file system of a path or of an fd. */
static long path_statfs(const char *upath, struct kstatfs *st)
{
	struct inode *inode;
	int err = user_path_at(AT_FDCWD, upath, 0, &inode);

	if (!err) {
		vfs_statfs(inode, st);
		iput(inode);
	}
	return err;
}

static long fd_statfs(unsigned int fd, struct kstatfs *st)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	vfs_statfs(f->f_inode, st);
	fput(f);
	return 0;
}

long sys_statfs(const char *upath, struct statfs32 *ubuf)
{
	struct kstatfs st;

	return path_statfs(upath, &st) ?: put_statfs(&st, ubuf);
}

long sys_fstatfs(unsigned int fd, struct statfs32 *ubuf)
{
	struct kstatfs st;

	return fd_statfs(fd, &st) ?: put_statfs(&st, ubuf);
}

/* The 64-bit forms name the structure's size: another size is EINVAL. */
long sys_statfs64(const char *upath, u32 size, struct statfs64 *ubuf)
{
	struct kstatfs st;

	if (size != sizeof(*ubuf))
		return -EINVAL;
	return path_statfs(upath, &st) ?: put_statfs64(&st, ubuf);
}

long sys_fstatfs64(unsigned int fd, u32 size, struct statfs64 *ubuf)
{
	struct kstatfs st;

	if (size != sizeof(*ubuf))
		return -EINVAL;
	return fd_statfs(fd, &st) ?: put_statfs64(&st, ubuf);
}
