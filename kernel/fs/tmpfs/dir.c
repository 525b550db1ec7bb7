/* kernel/fs/tmpfs/dir.c — tmpfs's names and inodes (Linux mm/shmem.c,
 * fs/libfs.c's simple_* directory operations). A name holds a reference
 * on its inode; unlink drops it, and the file's frames go back when the
 * last open file or mapping lets go (evict). */
#include "tmpfs.h"
#include "../../lib/printk.h"
#include "../../lib/string.h"
#include "../../mm/kmalloc.h"
#include "../../task/sched.h"
#include <asm/errno.h>

static const struct inode_operations tmpfs_dir_inode_operations;
static const struct file_operations tmpfs_dir_operations;
static const struct super_operations tmpfs_sops;
static u32 next_ino = 1;	/* shared by the instances */

static struct tmpfs_dir *dir_of(struct inode *dir)
{
	return dir->i_private;
}

/* tmpfs_new_inode — owned by the caller's file-system ids, one link. */
struct inode *tmpfs_new_inode(struct super_block *sb, u16 mode)
{
	struct inode *inode = new_inode(sb, next_ino++);
	struct tmpfs_dir *d;

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = current->cred.fsgid;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	if (!S_ISDIR(mode)) {
		inode->i_fop = &tmpfs_file_operations;
		return inode;
	}
	if (!(d = kzalloc(sizeof(*d)))) {
		inode->i_nlink = 0;
		iput(inode);
		return NULL;
	}
	INIT_LIST_HEAD(&d->entries);
	inode->i_private = d;
	inode->i_op = &tmpfs_dir_inode_operations;
	inode->i_fop = &tmpfs_dir_operations;
	return inode;
}

static struct tmpfs_dentry *find(struct inode *dir, const char *name, u32 len)
{
	struct tmpfs_dentry *d;

	list_for_each_entry(d, &dir_of(dir)->entries, list)
		if (d->len == len && !memcmp(d->name, name, len))
			return d;
	return NULL;
}

static int tmpfs_lookup(struct inode *dir, const char *name, u32 len,
			struct inode **res)
{
	struct tmpfs_dentry *d;

	if (len == 1 && name[0] == '.') {
		*res = igrab(dir);
		return 0;
	}
	if (len == 2 && !memcmp(name, "..", 2)) {
		*res = igrab(dir_of(dir)->parent);
		return 0;
	}
	if (!(d = find(dir, name, len)))
		return -ENOENT;
	*res = igrab(d->inode);
	return 0;
}

/* link_name — name the inode in dir; the name takes its own reference */
static int link_name(struct inode *dir, const char *name, u32 len,
		     struct inode *inode)
{
	struct tmpfs_dentry *d = kmalloc(sizeof(*d) + len + 1);

	if (!d)
		return -ENOMEM;
	d->inode = igrab(inode);
	d->len = len;
	memcpy(d->name, name, len);
	d->name[len] = '\0';
	list_add_tail(&d->list, &dir_of(dir)->entries);
	dir->i_mtime = dir->i_ctime = current_time();
	return 0;
}

static int tmpfs_create(struct inode *dir, const char *name, u32 len,
			u16 mode, struct inode **res)
{
	struct inode *inode = tmpfs_new_inode(dir->i_sb, S_IFREG | (mode & 07777));
	int err;

	if (!inode)
		return -ENOSPC;
	if ((err = link_name(dir, name, len, inode))) {
		inode->i_nlink = 0;
		iput(inode);
		return err;
	}
	*res = inode;
	return 0;
}

static int tmpfs_link(struct inode *inode, struct inode *dir, const char *name,
		      u32 len)
{
	int err = link_name(dir, name, len, inode);

	if (!err) {
		inode->i_nlink++;
		inode->i_ctime = current_time();
	}
	return err;
}

/* tmpfs_mknod — a FIFO, socket or device node, named like any file. */
static int tmpfs_mknod(struct inode *dir, const char *name, u32 len, u16 mode,
		       u32 rdev)
{
	struct inode *inode = tmpfs_new_inode(dir->i_sb, mode);
	int err;

	if (!inode)
		return -ENOSPC;
	inode->i_rdev = rdev;
	init_special_inode(inode);
	if ((err = link_name(dir, name, len, inode)))
		inode->i_nlink = 0;
	iput(inode);
	return err;
}

static int tmpfs_mkdir(struct inode *dir, const char *name, u32 len, u16 mode)
{
	struct inode *inode = tmpfs_new_inode(dir->i_sb, S_IFDIR | (mode & 07777));
	int err;

	if (!inode)
		return -ENOSPC;
	dir_of(inode)->parent = dir;	/* dir outlives it: it holds a name */
	err = link_name(dir, name, len, inode);
	if (!err)
		dir->i_nlink++;
	else
		inode->i_nlink = 0;
	iput(inode);
	return err;
}

/* drop — forget a name; the inode goes when no one holds it any more
 * (a file may have other names: hard links) */
static void drop(struct inode *dir, struct tmpfs_dentry *d)
{
	list_del(&d->list);
	if (S_ISDIR(d->inode->i_mode))
		d->inode->i_nlink = 0;
	else
		d->inode->i_nlink--;
	d->inode->i_ctime = dir->i_mtime = dir->i_ctime = current_time();
	if (S_ISDIR(d->inode->i_mode))
		dir->i_nlink--;
	iput(d->inode);
	kfree(d);
}

static int tmpfs_unlink(struct inode *dir, const char *name, u32 len)
{
	struct tmpfs_dentry *d = find(dir, name, len);

	if (!d)
		return -ENOENT;
	if (S_ISDIR(d->inode->i_mode))
		return -EISDIR;
	drop(dir, d);
	return 0;
}

static int tmpfs_rmdir(struct inode *dir, const char *name, u32 len)
{
	struct tmpfs_dentry *d = find(dir, name, len);

	if (!d)
		return -ENOENT;
	if (!S_ISDIR(d->inode->i_mode))
		return -ENOTDIR;
	if (!list_empty(&dir_of(d->inode)->entries))
		return -ENOTEMPTY;
	drop(dir, d);
	return 0;
}

/* tmpfs_rename — a file or an empty directory may replace a name of the
 * same kind (rename(2)); a directory keeps its ".." right. */
static int tmpfs_rename(struct inode *odir, const char *oname, u32 olen,
			struct inode *ndir, const char *nname, u32 nlen)
{
	struct tmpfs_dentry *old = find(odir, oname, olen);
	struct tmpfs_dentry *new = find(ndir, nname, nlen);
	struct inode *inode;
	int err;

	if (!old)
		return -ENOENT;
	inode = old->inode;
	if (new == old)
		return 0;
	if (new && S_ISDIR(new->inode->i_mode) != S_ISDIR(inode->i_mode))
		return S_ISDIR(inode->i_mode) ? -ENOTDIR : -EISDIR;
	if (new && S_ISDIR(new->inode->i_mode) &&
	    !list_empty(&dir_of(new->inode)->entries))
		return -ENOTEMPTY;
	if ((err = link_name(ndir, nname, nlen, inode)))
		return err;
	if (new)
		drop(ndir, new);
	if (S_ISDIR(inode->i_mode)) {
		dir_of(inode)->parent = ndir;
		ndir->i_nlink++;
	}
	if (!S_ISDIR(inode->i_mode))
		inode->i_nlink++;	/* the new name, before the old goes */
	drop(odir, old);	/* the new name keeps the inode */
	if (S_ISDIR(inode->i_mode))
		inode->i_nlink = 2;
	return 0;
}

static int tmpfs_readdir(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->f_inode;
	struct tmpfs_dentry *d;
	loff_t at = 2;

	if (ctx->pos == 0 &&
	    !ctx->actor(ctx, ".", 1, ++ctx->pos, dir->i_ino, FT_DIR))
		return 0;
	if (ctx->pos == 1 && !ctx->actor(ctx, "..", 2, ++ctx->pos,
					 dir_of(dir)->parent->i_ino, FT_DIR))
		return 0;
	list_for_each_entry(d, &dir_of(dir)->entries, list) {
		if (ctx->pos == at) {
			if (!ctx->actor(ctx, d->name, d->len, at + 1,
					d->inode->i_ino,
					fs_umode_to_ftype(d->inode->i_mode)))
				return 0;
			ctx->pos++;
		}
		at++;
	}
	return 0;
}

static void tmpfs_evict_inode(struct inode *inode)
{
	if (S_ISDIR(inode->i_mode))
		kfree(inode->i_private);
	else if (S_ISREG(inode->i_mode))
		tmpfs_evict_file(inode);	/* a FIFO's pipe went at close */
}

static const struct inode_operations tmpfs_dir_inode_operations = {
	.lookup = tmpfs_lookup,
	.create = tmpfs_create,
	.mkdir = tmpfs_mkdir,
	.unlink = tmpfs_unlink,
	.rmdir = tmpfs_rmdir,
	.rename = tmpfs_rename,
	.link = tmpfs_link,
	.mknod = tmpfs_mknod,
};

static const struct file_operations tmpfs_dir_operations = {
	.readdir = tmpfs_readdir,
};

static const struct super_operations tmpfs_sops = {
	.evict_inode = tmpfs_evict_inode,
};

/* tmpfs_mount — a new, empty instance: its root, world-writable and
 * sticky (Linux's default mode=1777), one reference, or NULL. */
struct inode *tmpfs_mount(void)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct inode *root;

	if (!sb)
		return NULL;
	*sb = (struct super_block){ .s_magic = 0x01021994,	/* TMPFS_MAGIC */
				    .s_blocksize = 4096, .s_op = &tmpfs_sops };
	if (!(root = tmpfs_new_inode(sb, S_IFDIR | 01777))) {
		kfree(sb);
		return NULL;
	}
	root->i_uid = root->i_gid = 0;
	dir_of(root)->parent = root;
	sb->s_root = root;
	return root;
}

/* drop_tree — every name under dir goes, depth first; a file's data goes
 * with its last name, as nothing else holds it (umount checked). */
static void drop_tree(struct inode *dir)
{
	while (!list_empty(&dir_of(dir)->entries)) {
		struct tmpfs_dentry *d = list_first_entry(&dir_of(dir)->entries,
							   struct tmpfs_dentry, list);

		if (S_ISDIR(d->inode->i_mode))
			drop_tree(d->inode);
		drop(dir, d);
	}
}

/* tmpfs_kill_sb — umount: the whole tree, the root (the mount's
 * reference) and the super block. */
void tmpfs_kill_sb(struct inode *root)
{
	struct super_block *sb = root->i_sb;

	drop_tree(root);
	root->i_nlink = 0;
	iput(root);
	kfree(sb);
}

/* tmpfs_refs — the references tmpfs itself holds on inode: one per name
 * (a file's links; a directory's one name), one for the root's mount. */
int tmpfs_refs(struct inode *inode)
{
	return S_ISDIR(inode->i_mode) ? 1 : inode->i_nlink;
}

/* tmpfs_init — /dev/shm, as an init script would mount it. */
void tmpfs_init(void)
{
	if (kern_mount("tmpfs", "/dev/shm"))
		printk("vfs: no /dev/shm directory: tmpfs not mounted\n");
}
