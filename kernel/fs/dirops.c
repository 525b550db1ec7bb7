/* kernel/fs/dirops.c — the calls that change directories: mkdir, rmdir,
 * unlink, rename, and getcwd; Linux fs/namei.c (do_mkdirat, do_rmdir,
 * do_unlinkat, do_renameat2) and fs/d_path.c. The rules about ".", "..",
 * file types, empty directories and renaming into oneself are checked
 * here, once, before the file system is asked, with the permissions:
 * write and search on the directory, and the sticky bit (may_delete). */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

struct parent {
	char *path;
	struct inode *dir;
	const char *last;
	u32 len;
};

static int get_parent(int dfd, const char *upath, struct parent *p)
{
	int err = getname(upath, &p->path);

	if (err)
		return err;
	err = path_parent(dfd, p->path, &p->dir, &p->last, &p->len);
	if (err)
		putname(p->path);
	return err;
}

static void put_parent(struct parent *p)
{
	iput(p->dir);
	putname(p->path);
}

static bool is_dot(const struct parent *p)
{
	return p->len == 1 && p->last[0] == '.';
}

static bool is_dotdot(const struct parent *p)
{
	return p->len == 2 && !memcmp(p->last, "..", 2);
}

/* name_free — p's last name is not taken (else EEXIST, also for "/",
 * "." and ".."), and can be made (ENOENT in procfs). */
static int name_free(struct parent *p)
{
	struct inode *inode;

	if (!p->len || is_dot(p) || is_dotdot(p))
		return -EEXIST;
	if (!p->dir->i_op->lookup(p->dir, p->last, p->len, &inode)) {
		iput(inode);
		return -EEXIST;
	}
	return p->dir->i_sb->s_fixed_names ? -ENOENT : 0;
}

/* may_create — a new name may go in p's directory: it is free, and the
 * caller may write and search the directory (EACCES). */
static int may_create(struct parent *p)
{
	return name_free(p) ?: may_access(p->dir, 3);
}

long sys_mkdirat(int dfd, const char *upath, u16 mode)
{
	struct parent p;
	int err = get_parent(dfd, upath, &p);

	if (err)
		return err;
	/* a file system without directories of its own: EPERM, as Linux */
	err = may_create(&p) ?: !p.dir->i_op->mkdir ? -EPERM :
	      p.dir->i_op->mkdir(p.dir, p.last, p.len,
				 mode & ~current->fs->umask & 0777);
	put_parent(&p);
	return err;
}

/* sys_symlinkat — a link named upath (relative to dfd) whose target is
 * the string utarget, not looked up (it may dangle). Linux's order: the
 * target (EFAULT; ENOENT when empty), the parent, then the new name; a
 * file system without links is EPERM. */
long sys_symlinkat(const char *utarget, int dfd, const char *upath)
{
	struct parent p;
	char *target;
	int err = getname(utarget, &target);

	if (err)
		return err;
	err = get_parent(dfd, upath, &p);
	if (!err) {
		err = may_create(&p) ?: !p.dir->i_op->symlink ? -EPERM :
		      p.dir->i_op->symlink(p.dir, p.last, p.len, target);
		put_parent(&p);
	}
	putname(target);
	return err;
}

long sys_symlink(const char *utarget, const char *upath)
{
	return sys_symlinkat(utarget, AT_FDCWD, upath);
}

/* vfs_link — Linux's checks in its order: the new name is free (EEXIST),
 * on the same file system (EXDEV), in a directory the caller may write
 * (EACCES), and the file system can link this file (EPERM: it has no
 * hard links, or the file is a directory). */
static int vfs_link(struct inode *inode, struct parent *p)
{
	int err = name_free(p);

	if (err)
		return err;
	if (inode->i_sb != p->dir->i_sb)
		return -EXDEV;
	if ((err = may_access(p->dir, 3)))
		return err;
	if (!p->dir->i_op->link || S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!inode->i_nlink)
		return -ENOENT;		/* unlinked while we looked */
	return p->dir->i_op->link(inode, p->dir, p->last, p->len);
}

/* sys_linkat — a new name unewpath for the file at uoldpath. A symbolic
 * link is linked itself unless AT_SYMLINK_FOLLOW; AT_EMPTY_PATH names
 * olddfd's own file (root only: ENOENT else, as Linux). */
long sys_linkat(int olddfd, const char *uoldpath, int newdfd,
		const char *unewpath, int flags)
{
	struct inode *inode;
	struct parent p;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && !capable())
		flags &= ~AT_EMPTY_PATH;	/* "" is then ENOENT */
	err = user_path_at(olddfd, uoldpath, (flags & AT_EMPTY_PATH) |
			   (flags & AT_SYMLINK_FOLLOW ? 0 : AT_SYMLINK_NOFOLLOW),
			   &inode);
	if (err)
		return err;
	err = get_parent(newdfd, unewpath, &p);
	if (!err) {
		err = vfs_link(inode, &p);
		put_parent(&p);
	}
	iput(inode);
	return err;
}

long sys_link(const char *uoldpath, const char *unewpath)
{
	return sys_linkat(AT_FDCWD, uoldpath, AT_FDCWD, unewpath, 0);
}

/* may_mknod — the types mknod makes (Linux may_mknod): a regular file,
 * a FIFO, a socket or a device; a directory is EPERM (mkdir's work),
 * anything else EINVAL. */
static int may_mknod(u16 mode)
{
	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	}
	return -EINVAL;
}

/* sys_mknodat — Linux's order: the type, the new name (EEXIST, EACCES),
 * then root for a device (EPERM) and a file system that has such nodes
 * (EPERM). A regular file is made as open(O_CREAT|O_EXCL) would. The
 * device number is the new 12:20 encoding; ext2 keeps 8:8 ones. */
long sys_mknodat(int dfd, const char *upath, u16 mode, u32 dev)
{
	struct inode *inode;
	struct parent p;
	u32 major = (dev & 0xfff00) >> 8;
	u32 minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	int err = may_mknod(mode) ?: get_parent(dfd, upath, &p);

	if (err)
		return err;
	mode = (mode & S_IFMT ? mode & S_IFMT : S_IFREG) |
	       (mode & ~current->fs->umask & 07777);
	err = may_create(&p);
	if (!err && (S_ISCHR(mode) || S_ISBLK(mode)) && !capable())
		err = -EPERM;
	else if (!err && (S_ISCHR(mode) || S_ISBLK(mode)) &&
		 (major > 255 || minor > 255))
		err = -EOVERFLOW;	/* no room on ext2's old encoding */
	else if (!err && S_ISREG(mode))
		err = !p.dir->i_op->create ? -EACCES :
		      p.dir->i_op->create(p.dir, p.last, p.len, mode, &inode);
	else if (!err)
		err = !p.dir->i_op->mknod ? -EPERM :
		      p.dir->i_op->mknod(p.dir, p.last, p.len, mode,
					 major << 8 | minor);
	if (!err && S_ISREG(mode))
		iput(inode);
	put_parent(&p);
	return err;
}

long sys_mknod(const char *upath, u16 mode, u32 dev)
{
	return sys_mknodat(AT_FDCWD, upath, mode, dev);
}

long sys_mkdir(const char *upath, u16 mode)
{
	return sys_mkdirat(AT_FDCWD, upath, mode);
}

/* do_rmdir — Linux's answers: "." is EINVAL, ".." ENOTEMPTY, "/" EBUSY. */
static long do_rmdir(int dfd, const char *upath)
{
	struct parent p;
	struct inode *inode;
	int err = get_parent(dfd, upath, &p);

	if (err)
		return err;
	if (is_dot(&p) || is_dotdot(&p) || !p.len)
		err = is_dot(&p) ? -EINVAL : is_dotdot(&p) ? -ENOTEMPTY :
		      -EBUSY;
	else
		err = p.dir->i_op->lookup(p.dir, p.last, p.len, &inode);
	if (!err) {
		err = may_delete(p.dir, inode);
		if (!err && !S_ISDIR(inode->i_mode))
			err = -ENOTDIR;
		else if (!err && (inode == current->fs->root ||
				  is_mountpoint(inode)))
			err = -EBUSY;
		else if (!err)
			err = !p.dir->i_op->rmdir ? -EPERM :
			      p.dir->i_op->rmdir(p.dir, p.last, p.len);
		iput(inode);
	}
	put_parent(&p);
	return err;
}

long sys_rmdir(const char *upath)
{
	return do_rmdir(AT_FDCWD, upath);
}

static long do_unlink(int dfd, const char *upath)
{
	struct parent p;
	struct inode *inode;
	int err = get_parent(dfd, upath, &p);

	if (err)
		return err;
	if (!p.len || is_dot(&p) || is_dotdot(&p))
		err = -EISDIR;
	else
		err = p.dir->i_op->lookup(p.dir, p.last, p.len, &inode);
	if (!err) {
		err = may_delete(p.dir, inode);
		if (!err && S_ISDIR(inode->i_mode))
			err = -EISDIR;
		else if (!err && p.last[p.len] == '/')
			err = -ENOTDIR;
		else if (!err)
			err = !p.dir->i_op->unlink ? -EPERM :
			      p.dir->i_op->unlink(p.dir, p.last, p.len);
		iput(inode);
	}
	put_parent(&p);
	return err;
}

long sys_unlink(const char *upath)
{
	return do_unlink(AT_FDCWD, upath);
}

long sys_unlinkat(int dfd, const char *upath, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return flag & AT_REMOVEDIR ? do_rmdir(dfd, upath) :
	       do_unlink(dfd, upath);
}

/* is_ancestor — is a on the ".." chain from d up to the root? */
static bool is_ancestor(struct inode *a, struct inode *d)
{
	struct inode *cur = igrab(d), *up;
	bool found = false;

	while (!found && cur != current->fs->root &&
	       !cur->i_op->lookup(cur, "..", 2, &up)) {
		found = up == a;
		iput(cur);
		if (up == cur)		/* the file system's own root */
			break;
		cur = up;
	}
	iput(cur);
	return found;
}

/* rename_checks — Linux's order of refusals for rename(old, new). */
static int rename_checks(struct parent *op, struct parent *np,
			 struct inode *old, struct inode *target)
{
	bool dir = S_ISDIR(old->i_mode);

	if (!dir && (op->last[op->len] == '/' || np->last[np->len] == '/'))
		return -ENOTDIR;
	if (target && dir && !S_ISDIR(target->i_mode))
		return -ENOTDIR;
	if (target && !dir && S_ISDIR(target->i_mode))
		return -EISDIR;
	if (dir && (np->dir == old || is_ancestor(old, np->dir)))
		return -EINVAL;
	return 0;
}

static int special_name(struct parent *p)
{
	return !p->len || (p->len == 1 && p->last[0] == '.') ||
	       (p->len == 2 && !memcmp(p->last, "..", 2));
}

#define RENAME_NOREPLACE	1	/* renameat2: fail if the new name exists */
#define RENAME_EXCHANGE		2
#define RENAME_WHITEOUT		4

/* sys_renameat2 — rename with flags. ext2 knows RENAME_NOREPLACE only
 * (Linux ext2_rename): EXCHANGE and WHITEOUT are EINVAL, as there. */
long sys_renameat2(int odfd, const char *uold, int ndfd, const char *unew,
		   unsigned int flags)
{
	struct parent op, np;
	struct inode *old = NULL, *target = NULL;
	int err;

	if (flags & ~(u32)RENAME_NOREPLACE)
		return -EINVAL;
	err = get_parent(odfd, uold, &op);
	if (err)
		return err;
	err = get_parent(ndfd, unew, &np);
	if (err) {
		put_parent(&op);
		return err;
	}
	/* Linux's order: another file system (EXDEV: each file system's
	 * rename knows only its own directories), then "/", "." or ".." */
	err = op.dir->i_sb != np.dir->i_sb ? -EXDEV :
	      special_name(&op) || special_name(&np) ? -EBUSY :
	      op.dir->i_op->lookup(op.dir, op.last, op.len, &old);
	if (!err && np.dir->i_op->lookup(np.dir, np.last, np.len, &target)) {
		target = NULL;
		if (np.dir->i_sb->s_fixed_names)
			err = -ENOENT;
	}
	if (!err && target && (flags & RENAME_NOREPLACE))
		err = -EEXIST;
	err = err ?: may_delete(op.dir, old) ?:
	      (target ? may_delete(np.dir, target) : may_access(np.dir, 3)) ?:
	      rename_checks(&op, &np, old, target);
	if (!err && (is_mountpoint(old) || (target && is_mountpoint(target))))
		err = -EBUSY;
	if (!err && !op.dir->i_op->rename)
		err = -EPERM;
	if (!err && old != target)
		err = op.dir->i_op->rename(op.dir, op.last, op.len, np.dir,
					   np.last, np.len);
	iput(old);
	iput(target);
	put_parent(&np);
	put_parent(&op);
	return err;
}

long sys_renameat(int odfd, const char *uold, int ndfd, const char *unew)
{
	return sys_renameat2(odfd, uold, ndfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

struct name_ctx {
	struct dir_context ctx;
	u32 ino;
	char *name;
	bool found;
};

static bool match_ino(struct dir_context *ctx, const char *name, u32 len,
		      loff_t next __unused, u32 ino, u8 type __unused)
{
	struct name_ctx *n = container_of(ctx, struct name_ctx, ctx);

	if (ino != n->ino || (len <= 2 && name[0] == '.' &&
			      (len == 1 || name[1] == '.')))
		return true;
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	n->found = true;
	return false;
}

/* name_in — child's name in dir, by scanning dir for its inode number. */
static int name_in(struct inode *dir, struct inode *child, char *name)
{
	struct file f = { .f_inode = dir, .f_op = dir->i_fop };
	struct name_ctx n = { { match_ino, 0 }, child->i_ino, name, false };
	int err = dir->i_fop->readdir(&f, &n.ctx);

	return err ? err : n.found ? 0 : -ENOENT;
}

/* prepend — put "/name" in front of the path being built at buf+*pos. */
static int prepend(char *buf, u32 *pos, const char *name)
{
	u32 len = strlen(name);

	if (*pos < len + 1)
		return -ENAMETOOLONG;
	*pos -= len;
	memcpy(buf + *pos, name, len);
	buf[--*pos] = '/';
	return 0;
}

/* unreachable — Linux's prefix for a working directory outside the
 * caller's root (after chroot): "(unreachable)/the/path". */
static int unreachable(char *buf, u32 *pos)
{
	static const char what[] = "(unreachable)";

	if (*pos < sizeof(what))
		return -ENAMETOOLONG;
	*pos -= sizeof(what) - 1;
	memcpy(buf + *pos, what, sizeof(what) - 1);
	return 0;
}

/* dir_path — directory dir as a path, built backward from the end of buf
 * (PATH_MAX bytes): walk ".." from it up to the caller's root, naming
 * each directory in its parent (there is no dentry cache). The path
 * starts at buf + *pos and ends with the NUL at buf[PATH_MAX - 1]. A
 * directory outside the caller's root gets its path from the real root,
 * marked "(unreachable)" if mark says so (getcwd). dir is the caller's
 * reference, which the walk uses up. */
static int dir_path(struct inode *dir, char *buf, u32 *pos, bool mark)
{
	char name[NAME_MAX + 1];
	struct inode *cur = dir, *up;
	int err = 0;

	*pos = PATH_MAX - 1;
	buf[*pos] = '\0';
	while (!err && cur != current->fs->root) {
		if ((up = mountpoint_of(cur))) {	/* up out of a mount */
			iput(cur);
			cur = igrab(up);
			continue;
		}
		err = cur->i_op->lookup(cur, "..", 2, &up);
		if (err)
			break;
		if (up == cur) {	/* past the real root: outside a chroot */
			iput(up);
			err = mark ? unreachable(buf, pos) : 0;
			break;
		}
		err = name_in(up, cur, name) ?: prepend(buf, pos, name);
		iput(cur);
		cur = up;
	}
	iput(cur);
	if (!err && *pos == PATH_MAX - 1)
		buf[--*pos] = '/';
	return err;
}

/* absolute_path — a kmalloc'd absolute form of path (relative ones are
 * taken from the working directory; "./" prefixes dropped), or NULL. */
char *absolute_path(const char *path)
{
	char *buf, *res;
	u32 pos, len = 0;

	if (path[0] == '/')
		return kstrdup(path);
	if (!(buf = kmalloc(PATH_MAX)))
		return NULL;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (path[0] == '/' ||
	    dir_path(igrab(current->fs->pwd), buf, &pos, true))
		pos = PATH_MAX - 1, buf[pos] = '\0';
	len = PATH_MAX - 1 - pos;
	res = kmalloc(len + strlen(path) + 2);
	if (res) {
		memcpy(res, buf + pos, len);
		if (path[0] != '/' && (!len || res[len - 1] != '/'))
			res[len++] = '/';
		memcpy(res + len, path, strlen(path) + 1);
	}
	kfree(buf);
	return res;
}

/* task_dir_path — t's working directory (root: its root) as a kmalloc'd
 * path for /proc/PID/cwd and root, seen from the caller's root. */
char *task_dir_path(struct task_struct *t, bool root)
{
	char *buf = kmalloc(PATH_MAX), *res = NULL;
	u32 pos;

	if (buf && t->fs &&
	    !dir_path(igrab(root ? t->fs->root : t->fs->pwd), buf, &pos, false))
		res = kstrdup(buf + pos);
	kfree(buf);
	return res;
}

long sys_getcwd(char *ubuf, u32 size)
{
	char *buf = kmalloc(PATH_MAX);
	u32 pos, len = 0;
	int err = buf ? dir_path(igrab(current->fs->pwd), buf, &pos, true) :
		  -ENOMEM;

	if (!err) {
		len = PATH_MAX - 1 - pos;
		if (len + 1 > size)
			err = -ERANGE;
		else if (copy_to_user(ubuf, buf + pos, len + 1))
			err = -EFAULT;
	}
	kfree(buf);
	return err ? err : (long)(len + 1);
}
