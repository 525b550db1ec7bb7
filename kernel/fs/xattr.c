/* kernel/fs/xattr.c — extended attributes: none is ever stored here
 * (the image is made without ext2's ext_attr feature), and Linux's
 * answers for such a file are these: getxattr finds no attribute
 * (ENODATA), listxattr an empty list, setxattr and removexattr are not
 * supported (EOPNOTSUPP). The file itself is looked up first, so a
 * missing path is still ENOENT and a bad fd EBADF. Linux fs/xattr.c.
 * coreutils' ls -l asks for ACLs this way. */
#include "fdtable.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

/* xattr_file — the file a call names (a path, followed or not, or an
 * fd): 0 when it exists, or the lookup's error. */
static long xattr_file(const char *upath, bool follow, int fd)
{
	struct inode *inode;
	struct file *f;
	int err;

	if (!upath) {
		f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
		return 0;
	}
	err = user_path_at(AT_FDCWD, upath, follow ? 0 : AT_SYMLINK_NOFOLLOW,
			   &inode);
	if (!err)
		iput(inode);
	return err;
}

long sys_getxattr(const char *path, const char *name, void *v, u32 size)
{
	(void)name, (void)v, (void)size;
	return xattr_file(path, true, 0) ?: -ENODATA;
}

long sys_lgetxattr(const char *path, const char *name, void *v, u32 size)
{
	(void)name, (void)v, (void)size;
	return xattr_file(path, false, 0) ?: -ENODATA;
}

long sys_fgetxattr(int fd, const char *name, void *v, u32 size)
{
	(void)name, (void)v, (void)size;
	return xattr_file(NULL, true, fd) ?: -ENODATA;
}

long sys_listxattr(const char *path, char *list, u32 size)
{
	(void)list, (void)size;
	return xattr_file(path, true, 0);
}

long sys_llistxattr(const char *path, char *list, u32 size)
{
	(void)list, (void)size;
	return xattr_file(path, false, 0);
}

long sys_flistxattr(int fd, char *list, u32 size)
{
	(void)list, (void)size;
	return xattr_file(NULL, true, fd);
}

long sys_setxattr(const char *path, const char *name, const void *v,
		  u32 size, int flags)
{
	(void)name, (void)v, (void)size, (void)flags;
	return xattr_file(path, true, 0) ?: -EOPNOTSUPP;
}

long sys_lsetxattr(const char *path, const char *name, const void *v,
		   u32 size, int flags)
{
	(void)name, (void)v, (void)size, (void)flags;
	return xattr_file(path, false, 0) ?: -EOPNOTSUPP;
}

long sys_fsetxattr(int fd, const char *name, const void *v, u32 size,
		   int flags)
{
	(void)name, (void)v, (void)size, (void)flags;
	return xattr_file(NULL, true, fd) ?: -EOPNOTSUPP;
}
