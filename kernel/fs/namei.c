/* kernel/fs/namei.c — from a path to an inode; Linux fs/namei.c
 * (link_path_walk, filename_lookup, filename_parentat); ULK 12.5.
 * A walk starts at the root ('/') or at the directory dfd names
 * (AT_FDCWD: the working directory) and asks each directory in turn for
 * the next component; "." and ".." are real ext2 entries, except that ".."
 * of the root is the root. A mount point leads into the root mounted on
 * it (namespace.c). Symbolic links are not created by clonix: procfs's
 * (/proc/self, /proc/PID/exe) are followed, any other ends the walk with
 * -ELOOP. A name followed by '/' must be a directory (-ENOTDIR). */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include <asm/errno.h>

/* getname — a kernel copy of a user path: -EFAULT, -ENOENT for "",
 * -ENAMETOOLONG past PATH_MAX. */
int getname(const char *upath, char **kpath)
{
	char *buf = kmalloc(PATH_MAX);
	long n;

	if (!buf)
		return -ENOMEM;
	n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n <= 0 || n == PATH_MAX) {
		kfree(buf);
		return n < 0 ? n : n ? -ENAMETOOLONG : -ENOENT;
	}
	*kpath = buf;
	return 0;
}

void putname(char *kpath)
{
	kfree(kpath);
}

/* may_access — mask of 4 (read), 2 (write), 1 (search/execute), against
 * the owner's, the group's or the others' bits, chosen by the task's
 * fsuid and fsgid (Linux generic_permission). Root may read and write
 * anything, search any directory, and execute what has at least one
 * execute bit. */
int may_access(struct inode *inode, int mask)
{
	const struct cred *c = &current->cred;
	u16 mode = inode->i_mode;
	u16 bits = c->fsuid == inode->i_uid ? mode >> 6 :
		   c->fsgid == inode->i_gid ? mode >> 3 : mode;

	if (!(mask & ~bits & 7))
		return 0;
	if ((mask & 1) && !S_ISDIR(mode) && !(mode & 0111))
		return -EACCES;
	return fs_capable() ? 0 : -EACCES;
}

/* may_delete — may name go from dir (Linux may_delete): write and search
 * on dir, and in a sticky directory (/tmp) only the owner of the file or
 * of the directory may remove it. */
int may_delete(struct inode *dir, struct inode *inode)
{
	u32 fsuid = current->cred.fsuid;
	int err = may_access(dir, 3);

	if (err)
		return err;
	if ((dir->i_mode & S_ISVTX) && fsuid != inode->i_uid &&
	    fsuid != dir->i_uid && !fs_capable())
		return -EPERM;
	return 0;
}

/* owner_or_capable — may the task change inode's mode (chmod(2))? */
bool owner_or_capable(struct inode *inode)
{
	return current->cred.fsuid == inode->i_uid || fs_capable();
}

/* start_dir — where a walk begins: the root, the cwd or dfd's directory. */
static int start_dir(int dfd, const char *path, struct inode **dir)
{
	struct file *f;

	if (!current->fs)
		return -ENOENT;		/* no root file system */
	if (path[0] == '/') {
		*dir = igrab(current->fs->root);
	} else if (dfd == AT_FDCWD) {
		*dir = igrab(current->fs->pwd);
	} else {
		f = fget(dfd);
		if (!f)
			return -EBADF;
		*dir = S_ISDIR(f->f_inode->i_mode) ? igrab(f->f_inode) : NULL;
		fput(f);
		if (!*dir)
			return -ENOTDIR;
	}
	return 0;
}

static int walk(struct inode **dir, const char *path, bool stop_last,
		const char **last, u32 *len, bool follow, int depth);

/* follow_link — replace *link, found in dir, by the inode its target
 * names (ext2's links, procfs's /proc/self); more than MAX_NESTED_LINKS
 * links within links end the walk with ELOOP, as a loop does. */
static int follow_link(struct inode *dir, struct inode **link, int depth)
{
	struct inode *at;
	char *target;
	int err;

	if (depth >= MAX_NESTED_LINKS || !(*link)->i_op ||
	    !(*link)->i_op->get_link)
		return -ELOOP;
	target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	err = (*link)->i_op->get_link(*link, target, PATH_MAX);
	if (err >= 0) {
		at = igrab(target[0] == '/' ? current->fs->root : dir);
		err = walk(&at, target, false, NULL, NULL, true, depth + 1);
		if (err) {
			iput(at);
		} else {
			iput(*link);
			*link = at;
		}
	}
	kfree(target);
	return err < 0 ? err : 0;
}

/* step — replace *dir by its child name[0..len): across a mount point
 * into the mounted root, or from a mounted root up through its mount
 * point for "..", and through a symbolic link if follow says so. */
static int step(struct inode **dir, const char *name, u32 len, bool follow,
		int depth)
{
	struct inode *next, *mp;
	int err;

	if (!S_ISDIR((*dir)->i_mode))
		return -ENOTDIR;
	err = may_access(*dir, 1);	/* search permission, every step */
	if (err)
		return err;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 2 && !memcmp(name, "..", 2)) {
		if (*dir == current->fs->root)
			return 0;
		if ((mp = mountpoint_of(*dir))) {
			iput(*dir);
			*dir = igrab(mp);
		}
	}
	err = (*dir)->i_op->lookup(*dir, name, len, &next);
	if (err)
		return err;
	follow_mount(&next);
	if (S_ISLNK(next->i_mode) && follow &&
	    (err = follow_link(*dir, &next, depth))) {
		iput(next);
		return err;
	}
	iput(*dir);
	*dir = next;
	return 0;
}

/* walk — follow path from *dir (which keeps a reference, also on error).
 * With stop_last it stops before the last component and names it in
 * *last and *len (0 for "/"); trailing slashes stay after it in the
 * string, so callers can see them. A link as the last component is
 * followed only if follow is set or a '/' comes after it. */
static int walk(struct inode **dir, const char *path, bool stop_last,
		const char **last, u32 *len, bool follow, int depth)
{
	int err = 0;

	while (!err) {
		const char *end, *rest;

		while (*path == '/')
			path++;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		for (rest = end; *rest == '/'; rest++)
			;
		if (stop_last && (!*rest || end == path)) {
			*last = path;
			*len = end - path;
			return 0;
		}
		if (end == path)
			return 0;
		err = step(dir, path, end - path, *rest || *end == '/' || follow,
			   depth);
		if (!err && *end == '/' && !S_ISDIR((*dir)->i_mode))
			err = -ENOTDIR;
		path = end;
	}
	return err;
}

/* path_lookup — the inode path names (a reference for the caller). */
int path_lookup(int dfd, const char *path, bool follow, struct inode **res)
{
	struct inode *dir;
	int err = start_dir(dfd, path, &dir);

	if (err)
		return err;
	err = walk(&dir, path, false, NULL, NULL, follow, 0);
	if (err) {
		iput(dir);
		return err;
	}
	*res = dir;
	return 0;
}

/* path_parent — the directory holding path's last component, and that
 * component (pointing into path). */
int path_parent(int dfd, const char *path, struct inode **dir,
		const char **last, u32 *len)
{
	int err = start_dir(dfd, path, dir);

	if (err)
		return err;
	err = walk(dir, path, true, last, len, false, 0);
	if (!err && !S_ISDIR((*dir)->i_mode))
		err = -ENOTDIR;
	if (!err && *len > NAME_MAX)
		err = -ENAMETOOLONG;
	if (err)
		iput(*dir);
	return err;
}

/* user_path_at — the inode a user path names for a *at call (a reference
 * for the caller). With AT_EMPTY_PATH an empty path names dfd's own file:
 * glibc builds fstat on this. */
int user_path_at(int dfd, const char *upath, int flag, struct inode **inode)
{
	struct file *f;
	char *path;
	int err = getname(upath, &path);

	if (err == -ENOENT && (flag & AT_EMPTY_PATH)) {	/* "" */
		if (dfd == AT_FDCWD) {
			*inode = igrab(current->fs->pwd);
			return 0;
		}
		if (!(f = fget(dfd)))
			return -EBADF;
		*inode = igrab(f->f_inode);
		fput(f);
		return 0;
	}
	if (err)
		return err;
	err = path_lookup(dfd, path, !(flag & AT_SYMLINK_NOFOLLOW), inode);
	putname(path);
	return err;
}
