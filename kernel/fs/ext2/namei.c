/* kernel/fs/ext2/namei.c — ext2's directory operations: lookup, create,
 * mkdir, unlink, rmdir, rename; Linux fs/ext2/namei.c; ULK 18.
 * The VFS (kernel/fs/namei.c) has already checked the generic rules
 * ("." and "..", types, emptiness for rename targets); these functions
 * change the disk: entries, link counts and the inodes themselves. */
#include "ext2.h"
#include <asm/errno.h>

#define EXT2_LINK_MAX	32000

static int ext2_lookup(struct inode *dir, const char *name, u32 len,
		       struct inode **res)
{
	long ino = ext2_find_entry(dir, name, len);

	if (ino <= 0)
		return ino ? ino : -ENOENT;
	*res = iget(dir->i_sb, ino);
	if (IS_ERR(*res)) {
		long err = PTR_ERR(*res);

		*res = NULL;
		return err;
	}
	return 0;
}

/* new_entry — an inode of the given mode, linked into dir as name. */
static int new_entry(struct inode *dir, const char *name, u32 len, u16 mode,
		     struct inode **res)
{
	struct inode *inode = ext2_new_inode(dir, mode);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	err = S_ISDIR(mode) ? ext2_make_empty(inode, dir) : 0;
	err = err ?: ext2_add_link(dir, name, len, inode);
	if (err) {
		inode->i_nlink = 0;	/* iput frees it again */
		iput(inode);
		return err;
	}
	mark_inode_dirty(inode);
	*res = inode;
	return 0;
}

/* ext2_link — a second name for inode (Linux ext2_link): the count goes
 * up first, and down again if the entry cannot be written. */
static int ext2_link(struct inode *inode, struct inode *dir, const char *name,
		     u32 len)
{
	int err;

	if (inode->i_nlink >= EXT2_LINK_MAX)
		return -EMLINK;
	inode->i_nlink++;
	inode->i_ctime = current_time();
	err = ext2_add_link(dir, name, len, inode);
	if (err)
		inode->i_nlink--;
	mark_inode_dirty(inode);
	return err;
}

static int ext2_create(struct inode *dir, const char *name, u32 len,
		       u16 mode, struct inode **res)
{
	return new_entry(dir, name, len, S_IFREG | (mode & 07777), res);
}

/* ext2_mknod — a FIFO, socket or device node: an inode without blocks;
 * a device's number where Linux's ext2 keeps it (i_block[0], the old
 * 8:8 encoding). */
static int ext2_mknod(struct inode *dir, const char *name, u32 len, u16 mode,
		      u32 rdev)
{
	struct inode *inode;
	int err = new_entry(dir, name, len, mode, &inode);

	if (err)
		return err;
	inode->i_rdev = rdev;
	inode->i_data[0] = rdev;
	init_special_inode(inode);
	mark_inode_dirty(inode);
	iput(inode);
	return 0;
}

static int ext2_mkdir(struct inode *dir, const char *name, u32 len, u16 mode)
{
	struct inode *inode;
	int err;

	if (dir->i_nlink >= EXT2_LINK_MAX)
		return -EMLINK;
	err = new_entry(dir, name, len, S_IFDIR | (mode & 07777), &inode);
	if (err)
		return err;
	dir->i_nlink++;		/* the new ".." */
	mark_inode_dirty(dir);
	iput(inode);
	return 0;
}

/* drop_link — one name fewer for inode; a directory loses both. */
static void drop_link(struct inode *dir, struct inode *inode)
{
	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink = 0;
		dir->i_nlink--;		/* its ".." pointed at dir */
		mark_inode_dirty(dir);
	} else {
		inode->i_nlink--;
	}
	inode->i_ctime = current_time();
	mark_inode_dirty(inode);
}

static int ext2_unlink(struct inode *dir, const char *name, u32 len)
{
	struct inode *inode;
	int err = ext2_lookup(dir, name, len, &inode);

	if (err)
		return err;
	err = ext2_delete_entry(dir, name, len);
	if (!err)
		drop_link(dir, inode);
	iput(inode);
	return err;
}

static int ext2_rmdir(struct inode *dir, const char *name, u32 len)
{
	struct inode *inode;
	int err = ext2_lookup(dir, name, len, &inode);

	if (err)
		return err;
	err = ext2_empty_dir(inode) ? 0 : -ENOTEMPTY;
	iput(inode);
	return err ?: ext2_unlink(dir, name, len);
}

/* ext2_rename — link the new name (replacing a target the VFS allowed),
 * drop the old one, and for a directory that moves, repoint its "..". */
static int ext2_rename(struct inode *odir, const char *oname, u32 olen,
		       struct inode *ndir, const char *nname, u32 nlen)
{
	struct inode *old, *target = NULL;
	int err = ext2_lookup(odir, oname, olen, &old);

	if (err)
		return err;
	if (ext2_lookup(ndir, nname, nlen, &target) == 0) {
		if (S_ISDIR(target->i_mode) && !ext2_empty_dir(target)) {
			iput(target);
			iput(old);
			return -ENOTEMPTY;
		}
		err = ext2_set_link(ndir, nname, nlen, old->i_ino);
		if (!err)
			drop_link(ndir, target);
		iput(target);
	} else {
		err = ext2_add_link(ndir, nname, nlen, old);
	}
	/* a directory that moves in brings its ".." to ndir, whether or not
	 * it replaced one (drop_link took the replaced one's away; found by
	 * fuzz: ndir's count ended one low, which e2fsck reports) */
	if (!err && S_ISDIR(old->i_mode))
		ndir->i_nlink++;
	err = err ?: ext2_delete_entry(odir, oname, olen);
	if (!err && S_ISDIR(old->i_mode)) {
		err = ext2_set_link(old, "..", 2, ndir->i_ino);
		odir->i_nlink--;
		mark_inode_dirty(odir);
		mark_inode_dirty(ndir);
	}
	old->i_ctime = current_time();
	mark_inode_dirty(old);
	iput(old);
	return err;
}

const struct inode_operations ext2_dir_inode_operations = {
	.lookup = ext2_lookup,
	.create = ext2_create,
	.mkdir = ext2_mkdir,
	.unlink = ext2_unlink,
	.rmdir = ext2_rmdir,
	.rename = ext2_rename,
	.symlink = ext2_symlink,
	.link = ext2_link,
	.mknod = ext2_mknod,
};
