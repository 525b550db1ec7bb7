/* kernel/fs/namespace.c — the mount table; Linux fs/namespace.c, much
 * reduced (ULK 12.4). A mount covers a directory of a mounted file
 * system (the mount point) with the root of another: path lookup that
 * arrives at the mount point continues in the mounted root, and ".." from
 * that root goes up from the mount point. The kernel mounts its own
 * file systems at boot (procfs on /proc, tmpfs on /dev/shm), as an init
 * script would; there is no mount(2). */
#include "fs.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../task/sched.h"
#include <asm/errno.h>

#define MAX_MOUNTS	4

struct vfsmount {
	struct inode *mountpoint;	/* the covered directory (held) */
	struct inode *root;		/* the mounted file system's root */
	const char *fstype, *path;
};

static struct vfsmount mounts[MAX_MOUNTS];
static int nr_mounts;

/* vfs_mount_at — cover the directory at path with root; the mount holds
 * a reference on both. */
int vfs_mount_at(const char *path, struct inode *root, const char *fstype)
{
	struct inode *dir;
	int err;

	if (nr_mounts == MAX_MOUNTS)
		return -ENOMEM;
	err = path_lookup(AT_FDCWD, path, true, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->i_mode)) {
		iput(dir);
		return -ENOTDIR;
	}
	mounts[nr_mounts++] = (struct vfsmount){ dir, igrab(root), fstype, path };
	printk("vfs: mounted %s on %s\n", fstype, path);
	return 0;
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

	for (int i = 0; i < nr_mounts && n < size; i++)
		n += snprintf(buf + n, size - n, "%s %s %s rw 0 0\n",
			      mounts[i].fstype, mounts[i].path,
			      mounts[i].fstype);
	return n;
}
