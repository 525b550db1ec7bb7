/* kernel/fs/ext2/inode.c — ext2 inodes and their block maps; Linux
 * fs/ext2/inode.c (ext2_iget, ext2_write_inode, ext2_get_block,
 * ext2_truncate); ULK 18.5-18.6.
 * A file's blocks: i_block[0..11] direct, [12] single indirect, [13]
 * double, [14] triple. ext2_bmap walks that tree, allocating what is
 * missing when asked; ext2_truncate frees it from the end. */
#include "ext2.h"
#include "../../lib/string.h"
#include <asm/errno.h>

/* raw_inode — the on-disk inode ino, in its (held) buffer. */
static struct ext2_inode *raw_inode(struct super_block *sb, u32 ino,
				    struct buffer_head **bhp)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	u32 ipg = sbi->es->s_inodes_per_group, index = (ino - 1) % ipg;
	struct buffer_head *gbh;
	struct ext2_group_desc *gd;

	if (ino < 1 || ino > sbi->es->s_inodes_count)
		return NULL;
	gd = ext2_get_group_desc(sb, (ino - 1) / ipg, &gbh);
	*bhp = bread(gd->bg_inode_table + index / sbi->inodes_per_block);
	if (!*bhp)
		return NULL;
	return (struct ext2_inode *)((*bhp)->b_data +
		(index % sbi->inodes_per_block) * sbi->inode_size);
}

void ext2_set_ops(struct inode *inode)
{
	if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &ext2_dir_inode_operations;
		inode->i_fop = &ext2_dir_operations;
	} else if (S_ISREG(inode->i_mode)) {
		inode->i_fop = &ext2_file_operations;
	} else if (S_ISLNK(inode->i_mode)) {
		inode->i_op = &ext2_symlink_inode_operations;
	} else {
		init_special_inode(inode);
	}
}

int ext2_read_inode(struct inode *inode)
{
	struct buffer_head *bh;
	struct ext2_inode *raw = raw_inode(inode->i_sb, inode->i_ino, &bh);

	if (!raw)
		return -EIO;
	inode->i_mode = raw->i_mode;
	/* the high halves of the ids are in osd2 (Linux's l_i_uid_high) */
	inode->i_uid = raw->i_uid | (raw->i_osd2[4] | raw->i_osd2[5] << 8) << 16;
	inode->i_gid = raw->i_gid | (raw->i_osd2[6] | raw->i_osd2[7] << 8) << 16;
	inode->i_nlink = raw->i_links_count;
	inode->i_size = raw->i_size;
	inode->i_atime = raw->i_atime;
	inode->i_ctime = raw->i_ctime;
	inode->i_mtime = raw->i_mtime;
	inode->i_dtime = raw->i_dtime;
	inode->i_blocks = raw->i_blocks;
	inode->i_flags = raw->i_flags;
	memcpy(inode->i_data, raw->i_block, sizeof(inode->i_data));
	/* device numbers live in i_block[0] (old) or [1] (new encoding) */
	inode->i_rdev = raw->i_block[0] ? raw->i_block[0] : raw->i_block[1];
	brelse(bh);
	ext2_set_ops(inode);
	return 0;
}

int ext2_write_inode(struct inode *inode)
{
	struct buffer_head *bh;
	struct ext2_inode *raw = raw_inode(inode->i_sb, inode->i_ino, &bh);

	if (!raw)
		return -EIO;
	raw->i_mode = inode->i_mode;
	raw->i_uid = inode->i_uid;
	raw->i_gid = inode->i_gid;
	raw->i_osd2[4] = inode->i_uid >> 16;
	raw->i_osd2[5] = inode->i_uid >> 24;
	raw->i_osd2[6] = inode->i_gid >> 16;
	raw->i_osd2[7] = inode->i_gid >> 24;
	raw->i_links_count = inode->i_nlink;
	raw->i_size = inode->i_size;
	raw->i_atime = inode->i_atime;
	raw->i_ctime = inode->i_ctime;
	raw->i_mtime = inode->i_mtime;
	raw->i_dtime = inode->i_dtime;
	raw->i_blocks = inode->i_blocks;
	raw->i_flags = inode->i_flags & ~EXT2_INDEX_FL;	/* no htree here */
	memcpy(raw->i_block, inode->i_data, sizeof(raw->i_block));
	mark_buffer_dirty(bh);
	brelse(bh);
	return 0;
}

/* ext2_sync_inode — the block holding the on-disk inode to the disk
 * (ext2_write_inode has already put the inode into it). */
int ext2_sync_inode(struct inode *inode)
{
	struct buffer_head *bh;
	int err;

	if (!raw_inode(inode->i_sb, inode->i_ino, &bh))
		return -EIO;
	err = sync_dirty_buffer(bh);
	brelse(bh);
	return err;
}

/* block_to_path — the offsets of iblock at each level of the tree;
 * returns the depth (1-4), or 0 past the triple-indirect range. */
static int block_to_path(struct inode *inode, u32 iblock, u32 off[4])
{
	u32 apb = EXT2_SB(inode->i_sb)->addr_per_block;

	if (iblock < EXT2_NDIR_BLOCKS) {
		off[0] = iblock;
		return 1;
	}
	iblock -= EXT2_NDIR_BLOCKS;
	if (iblock < apb) {
		off[0] = EXT2_IND_BLOCK;
		off[1] = iblock;
		return 2;
	}
	iblock -= apb;
	if (iblock < apb * apb) {
		off[0] = EXT2_DIND_BLOCK;
		off[1] = iblock / apb;
		off[2] = iblock % apb;
		return 3;
	}
	iblock -= apb * apb;
	off[0] = EXT2_TIND_BLOCK;
	off[1] = iblock / (apb * apb);
	off[2] = (iblock / apb) % apb;
	off[3] = iblock % apb;
	return iblock / (apb * apb) < apb ? 4 : 0;
}

/* fill_slot — allocate a block for an empty slot (create only). */
static long fill_slot(struct inode *inode, u32 *slot)
{
	long nb = ext2_new_block(inode->i_sb, inode->i_data[0]);

	if (nb > 0) {
		*slot = nb;
		inode->i_blocks += inode->i_sb->s_blocksize / 512;
	}
	return nb;
}

/* ext2_bmap — the disk block of file block iblock: 0 for a hole (when
 * not creating), -ENOSPC/-EIO/-EFBIG on failure. */
long ext2_bmap(struct inode *inode, u32 iblock, bool create)
{
	u32 off[4], *slot;
	int depth = block_to_path(inode, iblock, off);
	struct buffer_head *bh = NULL;
	long block = 0;

	if (!depth)
		return -EFBIG;
	slot = &inode->i_data[off[0]];
	for (int level = 0; level < depth; level++) {
		if (level)
			slot = (u32 *)bh->b_data + off[level];
		block = *slot;
		if (!block && create && (block = fill_slot(inode, slot)) > 0) {
			if (bh)
				mark_buffer_dirty(bh);
			mark_inode_dirty(inode);
		}
		brelse(bh);
		bh = NULL;
		if (block <= 0 || level == depth - 1)
			break;
		bh = bread(block);
		if (!bh)
			return -EIO;
	}
	return block;
}

/* free_tree — free the blocks of the subtree under *slot (at the given
 * depth: 0 = a data block) from entry 'from' of each level onward. The
 * indirect block itself goes when its whole range is freed. */
static void free_tree(struct inode *inode, u32 *slot, int depth, u32 from)
{
	u32 apb = EXT2_SB(inode->i_sb)->addr_per_block, span = 1;
	struct buffer_head *bh;

	if (!*slot)
		return;
	if (depth > 0 && (bh = bread(*slot))) {
		for (int d = 1; d < depth; d++)
			span *= apb;
		for (u32 i = from / span; i < apb; i++)
			free_tree(inode, (u32 *)bh->b_data + i, depth - 1,
				  i == from / span ? from % span : 0);
		mark_buffer_dirty(bh);
		brelse(bh);
		if (from)
			return;
	}
	ext2_free_block(inode->i_sb, *slot);
	inode->i_blocks -= inode->i_sb->s_blocksize / 512;
	*slot = 0;
}

/* zero_tail — bytes past the new end in the last block read as zero if
 * the file grows again (Linux block_truncate_page). */
static void zero_tail(struct inode *inode, u32 size)
{
	u32 bs = inode->i_sb->s_blocksize;
	long block = size % bs ? ext2_bmap(inode, size / bs, false) : 0;
	struct buffer_head *bh = block > 0 ? bread(block) : NULL;

	if (bh) {
		memset(bh->b_data + size % bs, 0, bs - size % bs);
		mark_buffer_dirty(bh);
		brelse(bh);
	}
}

int ext2_truncate(struct inode *inode, u32 size)
{
	u32 bs = inode->i_sb->s_blocksize;
	u32 apb = bs / 4, first = (size + bs - 1) / bs;
	u32 start[4] = { 0, EXT2_NDIR_BLOCKS, EXT2_NDIR_BLOCKS + apb,
			 EXT2_NDIR_BLOCKS + apb + apb * apb };

	zero_tail(inode, size);
	for (u32 i = first; i < EXT2_NDIR_BLOCKS; i++)
		free_tree(inode, &inode->i_data[i], 0, 0);
	for (int d = 1; d <= 3; d++)
		if (first < start[d] + (d == 1 ? apb : d == 2 ? apb * apb :
					apb * apb * apb))
			free_tree(inode, &inode->i_data[EXT2_NDIR_BLOCKS + d - 1],
				  d, first > start[d] ? first - start[d] : 0);
	inode->i_size = size;
	inode->i_mtime = inode->i_ctime = current_time();
	mark_inode_dirty(inode);
	return 0;
}

/* ext2_evict_inode — the last link and the last user are gone. */
void ext2_evict_inode(struct inode *inode)
{
	if (inode->i_mapping)
		generic_truncate(inode->i_mapping, 0);	/* no page outlives it */
	/* a fast link's block map holds its target, not blocks */
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
	    (S_ISLNK(inode->i_mode) && inode->i_blocks))
		ext2_truncate(inode, 0);
	inode->i_dtime = current_time();
	ext2_write_inode(inode);
	ext2_free_inode(inode);
}
