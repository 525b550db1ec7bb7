/* kernel/fs/ext2/symlink.c — ext2's symbolic links; Linux fs/ext2/
 * symlink.c and namei.c (ext2_symlink); ULK 18.2.3. A target shorter
 * than the inode's block map (60 bytes) is kept in the map itself, a
 * "fast" link with no block; a longer one (up to a block) fills the
 * link's one data block. The VFS follows them (kernel/fs/namei.c). */
#include "ext2.h"
#include "../../lib/string.h"
#include <asm/errno.h>

#define FAST_LINK_MAX	sizeof(((struct inode *)0)->i_data)

static bool fast_link(const struct inode *inode)
{
	return inode->i_blocks == 0;
}

/* ext2_get_link — the target into buf (NUL-terminated): its length. */
static int ext2_get_link(struct inode *inode, char *buf, int size)
{
	u32 len = inode->i_size;
	struct buffer_head *bh;
	long block;

	if (len >= (u32)size || len >= inode->i_sb->s_blocksize)
		return -ENAMETOOLONG;
	if (fast_link(inode)) {
		memcpy(buf, inode->i_data, len);
	} else {
		block = ext2_bmap(inode, 0, false);
		if (block <= 0 || !(bh = bread(block)))
			return -EIO;
		memcpy(buf, bh->b_data, len);
		brelse(bh);
	}
	buf[len] = '\0';
	return len;
}

const struct inode_operations ext2_symlink_inode_operations = {
	.get_link = ext2_get_link,
};

/* store_target — the target into a new link inode: in its block map, or
 * in a block of its own. */
static int store_target(struct inode *inode, const char *target, u32 len)
{
	struct buffer_head *bh;
	long block;

	inode->i_size = len;
	if (len < FAST_LINK_MAX) {
		memcpy(inode->i_data, target, len);
		return 0;
	}
	block = ext2_bmap(inode, 0, true);
	if (block <= 0 || !(bh = bread(block)))
		return block < 0 ? block : -EIO;
	memcpy(bh->b_data, target, len);
	mark_buffer_dirty(bh);
	brelse(bh);
	return 0;
}

/* ext2_symlink — a new link named name in dir: the inode, the target,
 * then the directory entry (a failure gives the inode back). */
int ext2_symlink(struct inode *dir, const char *name, u32 len,
		 const char *target)
{
	u32 tlen = strlen(target);
	struct inode *inode;
	int err;

	if (tlen >= dir->i_sb->s_blocksize)
		return -ENAMETOOLONG;
	inode = ext2_new_inode(dir, S_IFLNK | 0777);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_nlink = 1;
	err = store_target(inode, target, tlen);
	err = err ?: ext2_add_link(dir, name, len, inode);
	if (err)
		inode->i_nlink = 0;	/* iput frees it and its block again */
	mark_inode_dirty(inode);
	iput(inode);
	return err;
}
