/* kernel/fs/ext2/fsync.c — fsync and fdatasync of one ext2 file; Linux
 * fs/ext2/file.c ext2_fsync (generic_file_fsync: the file's buffers,
 * then its inode). Exactly this file's blocks reach the disk: its data,
 * the indirect blocks that map them, and the block holding its inode
 * (which holds its neighbours' inodes too, as on Linux); not the bitmaps
 * or the directory that names it (sync(2) writes those, and the flusher
 * does within seconds). */
#include "ext2.h"
#include "../buffer.h"
#include <asm/errno.h>

/* sync_tree — block and, for an indirect block (depth > 0), the blocks
 * it maps, each written if its cached buffer is dirty. */
static int sync_tree(struct super_block *sb, u32 block, int depth)
{
	struct buffer_head *bh;
	int err;

	if (!block)
		return 0;
	err = sync_block(block);
	if (err || !depth)
		return err;
	bh = bread(block);
	if (!bh)
		return -EIO;
	for (u32 i = 0; !err && i < EXT2_SB(sb)->addr_per_block; i++)
		err = sync_tree(sb, ((u32 *)bh->b_data)[i], depth - 1);
	brelse(bh);
	return err;
}

/* ext2_fsync — fdatasync(2) may leave out an inode whose only change is
 * a time stamp; clonix writes the inode for both calls (more than the
 * rule asks, never less). */
int ext2_fsync(struct inode *inode, bool datasync __unused)
{
	int err = 0;

	for (int i = 0; !err && i < EXT2_N_BLOCKS; i++)
		err = sync_tree(inode->i_sb, inode->i_data[i],
				i < EXT2_NDIR_BLOCKS ? 0 :
				i - EXT2_NDIR_BLOCKS + 1);
	err = err ?: ext2_sync_inode(inode);
	return err ?: blkdev_issue_flush();
}
