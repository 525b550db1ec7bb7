/* kernel/fs/namespace.c — the mount table, mount(2) and umount(2);
 * Linux fs/namespace.c and fs/filesystems.c, much reduced (ULK 12.4). A
 * mount covers a directory (the mount point) with the root of another
 * file system: path lookup that arrives at the mount point continues in
 * the mounted root, and ".." from that root goes up from the mount point.
 * Each mount is a new instance of its file system, with a super block of
 * its own, so a root names its one mount point (procfs on /proc and on
 * /debian/proc are two instances, as on Linux).
 *
 * mount(2) makes new mounts of the file systems in fs_types (procfs,
 * tmpfs); the kernel mounts /proc and /dev/shm the same way at boot, as an
 * init script would. umount(2) refuses a mount still in use (EBUSY): one
 * whose inodes someone holds beyond the file system's own references.
 * Not here: remounting, bind mounts, moving a mount, propagation flags
 * (EINVAL), disk file systems other than the root (ENODEV), mount options
 * and MS_RDONLY (EINVAL), lazy unmounting (MNT_DETACH of a busy mount is
 * EBUSY). */
#include "fs.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../task/cred.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/mount.h>

#define MAX_MOUNTS	16

#define MS_UNSUPPORTED	(MS_REMOUNT | MS_BIND | MS_MOVE | MS_UNBINDABLE | \
			 MS_PRIVATE | MS_SLAVE | MS_SHARED)

struct file_system_type {
	const char *name;
	struct inode *(*mount)(void);		/* a new instance's root */
	/* unmounted and unused: the instance goes, with the root's
	 * reference the mount held */
	void (*kill_sb)(struct inode *root);
	/* the references to inode that the file system holds itself (the
	 * mount's on the root included): more is a user, umount's EBUSY */
	int (*own_refs)(struct inode *inode);
};

static const struct file_system_type fs_types[] = {
	{ "proc", proc_mount, proc_kill_sb, proc_refs },
	{ "tmpfs", tmpfs_mount, tmpfs_kill_sb, tmpfs_refs },
};

struct vfsmount {
	struct inode *mountpoint;	/* the covered directory (held) */
	struct inode *root;		/* the mounted file system's root (held) */
	const struct file_system_type *type;
	char *devname, *path;		/* kmalloc'd, for /proc/mounts */
	u32 flags;			/* MS_NOSUID, MS_NODEV, MS_NOEXEC */
};

static struct vfsmount mounts[MAX_MOUNTS];
static int nr_mounts;

/* tidy_path — an absolute path without "//", "." or "..": how
 * /proc/mounts names the mount point (symbolic links are kept). */
static void tidy_path(char *path)
{
	char *in = path, *out = path;

	while (*in) {
		char *end;

		while (*in == '/')
			in++;
		for (end = in; *end && *end != '/'; end++)
			;
		if (end - in == 1 && in[0] == '.') {
			/* nothing */
		} else if (end - in == 2 && in[0] == '.' && in[1] == '.') {
			while (out > path && *--out != '/')
				;
		} else if (end > in) {
			*out++ = '/';
			memmove(out, in, end - in);
			out += end - in;
		}
		in = end;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

/* add_mount — cover dir (the reference moves to the mount) with root;
 * the kernel's own mounts say so on the console, mount(2)'s do not. */
static int add_mount(struct inode *dir, struct inode *root,
		     const struct file_system_type *type, const char *devname,
		     const char *path, u32 flags)
{
	struct vfsmount *m = &mounts[nr_mounts];

	if (nr_mounts == MAX_MOUNTS)
		return -ENOMEM;
	*m = (struct vfsmount){ dir, root, type, kstrdup(devname),
				absolute_path(path), flags };
	if (!m->devname || !m->path) {
		kfree(m->devname);
		kfree(m->path);
		return -ENOMEM;
	}
	tidy_path(m->path);
	nr_mounts++;
	return 0;
}

static const struct file_system_type *get_fs_type(const char *name)
{
	for (u32 i = 0; i < ARRAY_SIZE(fs_types); i++)
		if (!strcmp(fs_types[i].name, name))
			return &fs_types[i];
	return NULL;
}

/* do_new_mount — a new instance of type on dir (whose reference the
 * mount takes on success). */
static int do_new_mount(const struct file_system_type *type, struct inode *dir,
			const char *devname, const char *path, u32 flags)
{
	struct inode *root;
	int err;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	if (!(root = type->mount()))
		return -ENOMEM;
	err = add_mount(dir, root, type, devname, path,
			flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC));
	if (err)
		type->kill_sb(root);
	return err;
}

/* kern_mount — the kernel mounts a file system of fs_types at boot. */
int kern_mount(const char *fstype, const char *path)
{
	struct inode *dir;
	int err = path_lookup(AT_FDCWD, path, true, &dir);

	if (err)
		return err;
	err = do_new_mount(get_fs_type(fstype), dir, fstype, path, 0);
	if (err)
		iput(dir);
	else
		printk("vfs: mounted %s on %s\n", fstype, path);
	return err;
}

static bool same(const struct inode *a, const struct inode *b)
{
	return a->i_sb == b->i_sb && a->i_ino == b->i_ino;
}

/* follow_mount — *inode, or the root mounted on it (the reference moves). */
void follow_mount(struct inode **inode)
{
	for (int i = 0; i < nr_mounts; i++) {
		if (same(*inode, mounts[i].mountpoint)) {
			iput(*inode);
			*inode = igrab(mounts[i].root);
			i = -1;		/* a mount on a mount */
		}
	}
}

/* is_mountpoint — does a mount cover inode? rmdir and rename of it are
 * EBUSY (Linux is_local_mountpoint): the name must stay while the mount
 * hangs on it. */
bool is_mountpoint(struct inode *inode)
{
	for (int i = 0; i < nr_mounts; i++)
		if (same(inode, mounts[i].mountpoint))
			return true;
	return false;
}

/* mountpoint_of — the directory root covers, if root is a mounted root. */
struct inode *mountpoint_of(struct inode *root)
{
	for (int i = 0; i < nr_mounts; i++)
		if (same(root, mounts[i].root))
			return mounts[i].mountpoint;
	return NULL;
}

/* render_mounts — /proc/mounts: "device dir type options 0 0" per line. */
int render_mounts(char *buf, int size)
{
	int n = snprintf(buf, size, "/dev/root / ext2 rw 0 0\n");

	for (int i = 0; i < nr_mounts && n < size; i++) {
		u32 f = mounts[i].flags;

		n += snprintf(buf + n, size - n, "%s %s %s rw%s%s%s 0 0\n",
			      mounts[i].devname, mounts[i].path,
			      mounts[i].type->name, f & MS_NOSUID ? ",nosuid" : "",
			      f & MS_NODEV ? ",nodev" : "",
			      f & MS_NOEXEC ? ",noexec" : "");
	}
	return n;
}

/* parent_id — mountinfo's number of the mount that holds m's mount
 * point: the root's (1) unless the point is in another mount. */
static int parent_id(const struct vfsmount *m)
{
	for (int i = 0; i < nr_mounts; i++)
		if (mounts[i].root->i_sb == m->mountpoint->i_sb)
			return i + 2;
	return 1;
}

/* render_mountinfo — /proc/PID/mountinfo: "id parent major:minor root
 * point options - type source superoptions"; the root is mount 1 (the
 * disk, 8:1), mount i is i + 2 on an anonymous device 0:(i + 2). */
int render_mountinfo(char *buf, int size)
{
	int n = snprintf(buf, size, "1 1 8:1 / / rw - ext2 /dev/root rw\n");

	for (int i = 0; i < nr_mounts && n < size; i++) {
		u32 f = mounts[i].flags;

		n += snprintf(buf + n, size - n,
			      "%d %d 0:%d / %s rw%s%s%s - %s %s rw\n", i + 2,
			      parent_id(&mounts[i]), i + 2, mounts[i].path,
			      f & MS_NOSUID ? ",nosuid" : "",
			      f & MS_NODEV ? ",nodev" : "",
			      f & MS_NOEXEC ? ",noexec" : "",
			      mounts[i].type->name, mounts[i].devname);
	}
	return n;
}

/* copy_mount_string — a string argument of mount(2), or NULL for none. */
static int copy_mount_string(const char *u, char **k)
{
	long n;

	*k = NULL;
	if (!u)
		return 0;
	if (!(*k = kmalloc(PAGE_SIZE)))
		return -ENOMEM;
	n = strncpy_from_user(*k, u, PAGE_SIZE);
	if (n < 0 || n == PAGE_SIZE) {
		kfree(*k);
		*k = NULL;
		return n < 0 ? -EFAULT : -EINVAL;
	}
	return 0;
}

/* do_mount — the checks of Linux's path_mount, in its order. */
static long do_mount(const char *devname, const char *udir, const char *type,
		     u32 flags, const char *data)
{
	const struct file_system_type *fs;
	struct inode *dir;
	char *path;
	long err = getname(udir, &path);

	if (err)
		return err;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	err = path_lookup(AT_FDCWD, path, true, &dir);
	if (err)
		goto out;
	if (!capable())
		err = -EPERM;
	else if (flags & MS_UNSUPPORTED)
		err = -EINVAL;
	else if (!type)
		err = -EINVAL;
	else if (!(fs = get_fs_type(type)))
		err = -ENODEV;
	else if (flags & MS_RDONLY)
		err = -EINVAL;		/* read-only instances: not kept apart */
	else if (data && *data)
		err = -EINVAL;		/* hidepid=, size=, mode=...: none */
	else
		err = do_new_mount(fs, dir, devname ? devname : "none", path,
				   flags);
	if (err)
		iput(dir);
out:
	putname(path);
	return err;
}

long sys_mount(const char *udev, const char *udir, const char *utype,
	       u32 flags, const void *udata)
{
	char *type, *dev = NULL, *data = NULL;
	long err = copy_mount_string(utype, &type);

	if (!err)
		err = copy_mount_string(udev, &dev);
	if (!err)
		err = copy_mount_string(udata, &data);
	if (!err)
		err = do_mount(dev, udir, type, flags, data);
	kfree(type);
	kfree(dev);
	kfree(data);
	return err;
}


/* sys_umount — Linux ksys_umount and can_umount, in their order: the
 * flags, the path, the privilege, "a mount's root", then "not busy". */
long sys_umount(const char *upath, int flags)
{
	struct inode *inode;
	struct vfsmount *m = NULL;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = user_path_at(AT_FDCWD, upath,
			   flags & UMOUNT_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0,
			   &inode);
	if (err)
		return err;
	for (int i = nr_mounts - 1; i >= 0 && !m; i--)
		if (same(inode, mounts[i].root))
			m = &mounts[i];
	iput(inode);
	if (!capable())
		return -EPERM;
	if (!m || (flags & MNT_EXPIRE))
		return -EINVAL;		/* not a mount; expiry marks: none */
	/* busy: an open file, a working directory, a mount on top of it */
	if (sb_busy(m->root->i_sb, m->type->own_refs))
		return -EBUSY;
	iput(m->mountpoint);
	kfree(m->devname);
	kfree(m->path);
	m->type->kill_sb(m->root);
	memmove(m, m + 1, (char *)&mounts[--nr_mounts] - (char *)m);
	return 0;
}

long sys_oldumount(const char *upath)
{
	return sys_umount(upath, 0);
}
