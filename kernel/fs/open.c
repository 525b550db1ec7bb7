/* kernel/fs/open.c — open, close and the calls about a path's inode;
 * Linux fs/open.c (do_sys_open, chdir, umask, access, chmod, truncate)
 * and fs/namei.c (open_last_lookups, may_open); ULK 12.6.1. */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define VALID_OPEN_FLAGS	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | \
				 O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC | \
				 O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | \
				 O_NOATIME | O_CLOEXEC)

/* open_create — the last component under O_CREAT: create it, or open
 * what is there (-EEXIST with O_EXCL). */
static int open_create(int dfd, const char *path, u32 flags, u16 mode,
		       struct inode **res, bool *created, int depth);

/* create_through_link — O_CREAT on the symbolic link `link`, the last
 * name of path: open or create what it names, the target read relative
 * to the link's directory (Linux follows it, and a dangling link makes
 * its target). */
static int create_through_link(int dfd, const char *path, const char *last,
			       struct inode *link, u32 flags, u16 mode,
			       struct inode **res, bool *created, int depth)
{
	u32 dirlen = last - path;
	char *target = kmalloc(PATH_MAX), *next = kmalloc(PATH_MAX + dirlen);
	int err = target && next ? 0 : -ENOMEM;

	if (!err && (depth >= MAX_NESTED_LINKS || !link->i_op->get_link))
		err = -ELOOP;
	if (!err && (err = link->i_op->get_link(link, target, PATH_MAX)) >= 0) {
		if (target[0] == '/')
			dirlen = 0;
		memcpy(next, path, dirlen);
		memcpy(next + dirlen, target, strlen(target) + 1);
		err = open_create(dfd, next, flags, mode, res, created,
				  depth + 1);
	}
	kfree(target);
	kfree(next);
	return err;
}

static int open_create(int dfd, const char *path, u32 flags, u16 mode,
		       struct inode **res, bool *created, int depth)
{
	struct inode *dir;
	const char *last;
	u32 len;
	int err = path_parent(dfd, path, &dir, &last, &len);

	if (err)
		return err;
	if (!len || last[len] == '/')
		err = -EISDIR;
	else
		err = dir->i_op->lookup(dir, last, len, res);
	if (!err && !(flags & (O_EXCL | O_NOFOLLOW)) &&
	    S_ISLNK((*res)->i_mode)) {
		struct inode *link = *res;

		*res = NULL;
		err = create_through_link(dfd, path, last, link, flags, mode,
					  res, created, depth);
		iput(link);
		iput(dir);
		return err;
	}
	if (!err && (flags & O_EXCL)) {
		iput(*res);
		*res = NULL;		/* nothing held on failure */
		err = -EEXIST;
	}
	if (err == -ENOENT && !dir->i_sb->s_fixed_names) {
		/* write and search the dir; no files of its own: EACCES
		 * (Linux vfs_create) */
		err = may_access(dir, 3) ?: !dir->i_op->create ? -EACCES :
		      dir->i_op->create(dir, last, len,
					mode & ~current->fs->umask, res);
		*created = !err;
	}
	iput(dir);
	return err;
}

/* may_open — the checks that follow the lookup (Linux may_open); a file
 * this open created is not checked against its own new mode. */
static int may_open(struct inode *inode, u32 flags, bool created)
{
	bool write = (flags & O_ACCMODE) != O_RDONLY;
	int mask = ((flags & O_ACCMODE) != O_WRONLY ? 4 : 0) |
		   (write || (flags & O_TRUNC) ? 2 : 0);

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* O_NOFOLLOW kept the link itself */
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) && (write || (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	return created ? 0 : may_access(inode, mask);
}

/* open_inode — a struct file for inode; takes over the caller's
 * reference to the inode, also when it fails. */
static struct file *open_inode(struct inode *inode, u32 flags)
{
	struct file *f = alloc_file(inode, flags, inode->i_fop);
	int err;

	if (!f) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	err = f->f_op && f->f_op->open ? f->f_op->open(inode, f) : 0;
	if (err) {
		f->f_op = NULL;		/* no release for a failed open */
		fput(f);
		return ERR_PTR(err);
	}
	return f;
}

/* install_fd — the lowest free descriptor for a new open of inode
 * (whose reference it takes over); a regular file keeps the path it was
 * opened by, for the name of its mappings. */
static long install_fd(struct inode *inode, u32 flags, const char *path)
{
	int fd = get_unused_fd(0);
	struct file *f;

	if (fd < 0) {
		iput(inode);
		return fd;
	}
	f = open_inode(inode, flags);
	if (IS_ERR(f))
		return PTR_ERR(f);
	if (path && S_ISREG(inode->i_mode))
		f->f_path = absolute_path(path);
	fd_install(fd, f, flags & O_CLOEXEC);
	return fd;
}

long do_sys_open(int dfd, const char *upath, u32 flags, u16 mode)
{
	struct inode *inode = NULL;
	char *path;
	bool created = false;
	int err = getname(upath, &path);

	if (err)
		return err;
	flags &= VALID_OPEN_FLAGS;
	err = flags & O_CREAT ?
	      open_create(dfd, path, flags, mode, &inode, &created, 0) :
	      path_lookup(dfd, path, !(flags & O_NOFOLLOW), &inode);
	if (err) {			/* no inode is held */
		putname(path);
		return err;
	}
	err = may_open(inode, flags, created);
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->i_mode) &&
	    (flags & O_ACCMODE) != O_RDONLY)
		err = inode->i_fop->truncate(inode, 0);
	if (err)
		iput(inode);
	else
		err = install_fd(inode, flags, path);
	putname(path);
	return err;
}

/* filp_open — a file for a kernel user of a path (acct): the lookup and
 * the checks of open(2), without O_CREAT. */
struct file *filp_open(const char *path, u32 flags)
{
	struct inode *inode;
	int err = path_lookup(AT_FDCWD, path, true, &inode);

	if (!err && (err = may_open(inode, flags, false)))
		iput(inode);
	return err ? ERR_PTR(err) : open_inode(inode, flags);
}

/* do_sys_open_kernel — open a kernel path (pid 1's console); with no
 * root file system, "/dev/console" is the kernel's own console inode. */
long do_sys_open_kernel(const char *path, u32 flags)
{
	struct inode *inode = NULL;
	int err = path_lookup(AT_FDCWD, path, true, &inode);

	if (err && !current->fs && !strcmp(path, "/dev/console"))
		err = (inode = console_inode()) ? 0 : -ENOMEM;
	return err ? err : install_fd(inode, flags, NULL);
}

long sys_open(const char *path, u32 flags, u16 mode)
{
	return do_sys_open(AT_FDCWD, path, flags, mode);
}

long sys_openat(int dfd, const char *path, u32 flags, u16 mode)
{
	return do_sys_open(dfd, path, flags, mode);
}

long sys_creat(const char *path, u16 mode)
{
	return do_sys_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

/* user_path — lookup of a user path, for the calls below. */
static int user_path(int dfd, const char *upath, struct inode **res)
{
	return user_path_at(dfd, upath, 0, res);
}

long sys_chdir(const char *upath)
{
	struct inode *dir;
	int err = user_path(AT_FDCWD, upath, &dir);

	if (err)
		return err;
	if (S_ISDIR(dir->i_mode))
		set_fs_pwd(current->fs, dir);
	else
		err = -ENOTDIR;
	iput(dir);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget(fd);
	long r = -ENOTDIR;

	if (!f)
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode)) {
		set_fs_pwd(current->fs, f->f_inode);
		r = 0;
	}
	fput(f);
	return r;
}

/* sys_chroot — the root of path lookups becomes path (Linux
 * fs/open.c): a directory (ENOTDIR) the caller may search (EACCES), and
 * only for a privileged caller (EPERM). The root is in fs_struct: with
 * CLONE_FS, every task sharing it is moved too. The working directory
 * stays where it is, as on Linux. */
long sys_chroot(const char *upath)
{
	struct inode *dir;
	int err = user_path(AT_FDCWD, upath, &dir);

	if (err)
		return err;
	if (!S_ISDIR(dir->i_mode))
		err = -ENOTDIR;
	else if ((err = may_access(dir, 1)) == 0 && !capable())
		err = -EPERM;
	if (!err)
		set_fs_root(current->fs, dir);
	iput(dir);
	return err;
}

long sys_umask(int mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}

/* sys_faccessat2 — access(2) with flags: AT_EACCESS checks with the
 * effective ids instead of the real ones, AT_SYMLINK_NOFOLLOW looks at a
 * link itself, AT_EMPTY_PATH at dfd's file; any other flag is EINVAL. */
long sys_faccessat2(int dfd, const char *upath, int mode, int flags)
{
	struct cred saved = current->cred;
	struct inode *inode;
	int err;

	if (mode & ~7 ||
	    (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		current->cred.fsuid = saved.uid;	/* access(2): the real ids */
		current->cred.fsgid = saved.gid;
	}
	err = user_path_at(dfd, upath, flags, &inode);
	if (!err) {
		err = may_access(inode, mode);
		iput(inode);
	}
	current->cred = saved;
	return err;
}

long sys_faccessat(int dfd, const char *upath, int mode)
{
	return sys_faccessat2(dfd, upath, mode, 0);
}

long sys_access(const char *upath, int mode)
{
	return sys_faccessat2(AT_FDCWD, upath, mode, 0);
}

static long chmod_inode(struct inode *inode, u16 mode)
{
	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & 07777);
	inode->i_ctime = current_time();
	mark_inode_dirty(inode);
	return 0;
}

long sys_fchmodat(int dfd, const char *upath, u16 mode)
{
	struct inode *inode;
	int err = user_path(dfd, upath, &inode);

	if (err)
		return err;
	err = owner_or_capable(inode) ? chmod_inode(inode, mode) : -EPERM;
	iput(inode);
	return err;
}

long sys_chmod(const char *upath, u16 mode)
{
	return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(unsigned int fd, u16 mode)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = owner_or_capable(f->f_inode) ? chmod_inode(f->f_inode, mode) :
	    -EPERM;
	fput(f);
	return r;
}

static long truncate_inode(struct inode *inode, loff_t length)
{
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_fop->truncate)
		return -EINVAL;
	if (length < 0 || length > 0x7fffffffLL)
		return length < 0 ? -EINVAL : -EFBIG;
	return inode->i_fop->truncate(inode, length);
}

long sys_ftruncate64(unsigned int fd, u32 lo, u32 hi)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = !(f->f_mode & FMODE_WRITE) ? -EINVAL :
	    truncate_inode(f->f_inode, ((loff_t)hi << 32) | lo);
	fput(f);
	return r;
}

long sys_ftruncate(unsigned int fd, long length)
{
	return sys_ftruncate64(fd, length, length < 0 ? ~0u : 0);
}

long sys_truncate64(const char *upath, u32 lo, u32 hi)
{
	struct inode *inode;
	long err = user_path(AT_FDCWD, upath, &inode);

	if (err)
		return err;
	err = S_ISDIR(inode->i_mode) ? -EISDIR : may_access(inode, 2);
	if (!err)
		err = truncate_inode(inode, ((loff_t)hi << 32) | lo);
	iput(inode);
	return err;
}

long sys_truncate(const char *upath, long length)
{
	return sys_truncate64(upath, length, length < 0 ? ~0u : 0);
}
