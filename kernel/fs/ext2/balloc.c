/* kernel/fs/ext2/balloc.c — the block and inode bitmaps: allocating blocks and
 * inodes; Linux fs/ext2/balloc.c and ialloc.c; ULK 18.6. A group's
 * bitmap has one bit per block (or inode); allocation looks in the goal's
 * group first, then in the others, and keeps the group descriptor's and
 * the super block's free counts in step with the bitmaps. */
#include "ext2.h"
#include "../../lib/string.h"
#include "../../task/sched.h"
#include <asm/errno.h>

static bool test_bit(const u8 *map, u32 n)
{
	return map[n / 8] & (1 << (n % 8));
}

static void flip_bit(u8 *map, u32 n)
{
	map[n / 8] ^= 1 << (n % 8);
}

/* find_zero — first clear bit below limit, or -1. */
static long find_zero(const u8 *map, u32 limit)
{
	for (u32 n = 0; n < limit; n++) {
		if (n % 32 == 0 && n + 32 <= limit &&
		    ((const u32 *)map)[n / 32] == ~0u) {
			n += 31;
			continue;
		}
		if (!test_bit(map, n))
			return n;
	}
	return -1;
}

static u32 blocks_in_group(struct ext2_super_block *es, u32 g)
{
	u32 start = es->s_first_data_block + g * es->s_blocks_per_group;

	return MIN(es->s_blocks_per_group, es->s_blocks_count - start);
}

/* take_from_group — a free block of group g, marked used; 0 if none. */
static u32 take_block(struct super_block *sb, u32 g)
{
	struct ext2_super_block *es = EXT2_SB(sb)->es;
	struct buffer_head *gbh, *bh;
	struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);
	long bit;

	if (!gd->bg_free_blocks_count || !(bh = bread(gd->bg_block_bitmap)))
		return 0;
	bit = find_zero((u8 *)bh->b_data, blocks_in_group(es, g));
	if (bit >= 0) {
		flip_bit((u8 *)bh->b_data, bit);
		mark_buffer_dirty(bh);
		gd->bg_free_blocks_count--;
		es->s_free_blocks_count--;
		mark_buffer_dirty(gbh);
		ext2_sync_super(sb);
	}
	brelse(bh);
	return bit < 0 ? 0 : es->s_first_data_block +
	       g * es->s_blocks_per_group + bit;
}

/* ext2_new_block — a zeroed block near goal; -ENOSPC when the disk is
 * full (the blocks reserved for root are used too: we run as root). */
long ext2_new_block(struct super_block *sb, u32 goal)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_super_block *es = sbi->es;
	u32 g0 = goal > es->s_first_data_block ?
		 (goal - es->s_first_data_block) / es->s_blocks_per_group : 0;
	struct buffer_head *bh;

	for (u32 i = 0; i < sbi->groups; i++) {
		u32 block = take_block(sb, (g0 + i) % sbi->groups);

		if (!block)
			continue;
		bh = getblk(block);
		if (!bh)
			return -EIO;
		memset(bh->b_data, 0, sb->s_blocksize);
		mark_buffer_dirty(bh);
		brelse(bh);
		return block;
	}
	return -ENOSPC;
}

void ext2_free_block(struct super_block *sb, u32 block)
{
	struct ext2_super_block *es = EXT2_SB(sb)->es;
	u32 g = (block - es->s_first_data_block) / es->s_blocks_per_group;
	u32 bit = (block - es->s_first_data_block) % es->s_blocks_per_group;
	struct buffer_head *gbh, *bh;
	struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);

	if (!(bh = bread(gd->bg_block_bitmap)))
		return;
	if (test_bit((u8 *)bh->b_data, bit)) {
		flip_bit((u8 *)bh->b_data, bit);
		mark_buffer_dirty(bh);
		gd->bg_free_blocks_count++;
		es->s_free_blocks_count++;
		mark_buffer_dirty(gbh);
		ext2_sync_super(sb);
	}
	brelse(bh);
}

/* take_inode — a free inode number of group g, marked used; 0 if none. */
static u32 take_inode(struct super_block *sb, u32 g, bool dir)
{
	struct ext2_super_block *es = EXT2_SB(sb)->es;
	struct buffer_head *gbh, *bh;
	struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);
	long bit;

	if (!gd->bg_free_inodes_count || !(bh = bread(gd->bg_inode_bitmap)))
		return 0;
	bit = find_zero((u8 *)bh->b_data, es->s_inodes_per_group);
	if (bit >= 0) {
		flip_bit((u8 *)bh->b_data, bit);
		mark_buffer_dirty(bh);
		gd->bg_free_inodes_count--;
		gd->bg_used_dirs_count += dir;
		es->s_free_inodes_count--;
		mark_buffer_dirty(gbh);
		ext2_sync_super(sb);
	}
	brelse(bh);
	return bit < 0 ? 0 : g * es->s_inodes_per_group + bit + 1;
}

/* ext2_new_inode — a fresh inode in dir's group (or the next with room),
 * zeroed but for mode and times; nlink is the caller's to set. */
struct inode *ext2_new_inode(struct inode *dir, u16 mode)
{
	struct super_block *sb = dir->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	u32 g0 = (dir->i_ino - 1) / sbi->es->s_inodes_per_group, ino = 0;
	struct inode *inode;

	for (u32 i = 0; i < sbi->groups && !ino; i++)
		ino = take_inode(sb, (g0 + i) % sbi->groups, S_ISDIR(mode));
	if (!ino)
		return ERR_PTR(-ENOSPC);
	inode = new_inode(sb, ino);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	/* owned by the creator's fs ids; a set-group-ID directory passes its
	 * group on (Linux inode_init_owner) */
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = dir->i_mode & S_ISGID ? dir->i_gid : current->cred.fsgid;
	if (S_ISDIR(mode) && (dir->i_mode & S_ISGID))
		mode |= S_ISGID;
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	ext2_set_ops(inode);
	mark_inode_dirty(inode);
	return inode;
}

void ext2_free_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_super_block *es = EXT2_SB(sb)->es;
	u32 g = (inode->i_ino - 1) / es->s_inodes_per_group;
	u32 bit = (inode->i_ino - 1) % es->s_inodes_per_group;
	struct buffer_head *gbh, *bh;
	struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);

	if (!(bh = bread(gd->bg_inode_bitmap)))
		return;
	if (test_bit((u8 *)bh->b_data, bit)) {
		flip_bit((u8 *)bh->b_data, bit);
		mark_buffer_dirty(bh);
		gd->bg_free_inodes_count++;
		gd->bg_used_dirs_count -= S_ISDIR(inode->i_mode) ? 1 : 0;
		es->s_free_inodes_count++;
		mark_buffer_dirty(gbh);
		ext2_sync_super(sb);
	}
	brelse(bh);
}
