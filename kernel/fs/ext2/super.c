/* kernel/fs/ext2/super.c — mounting ext2 and keeping its super block
 * and group descriptors; Linux fs/ext2/super.c (ext2_fill_super); ULK
 * 18.2-18.3. The super block and descriptor blocks stay in the buffer
 * cache for as long as the file system is mounted; their free counts are
 * kept exact, so e2fsck finds nothing to correct. */
#include "ext2.h"
#include "../../lib/printk.h"
#include "../../mm/kmalloc.h"
#include <asm/errno.h>

#define SUPPORTED_INCOMPAT	EXT2_FEATURE_INCOMPAT_FILETYPE
#define SUPPORTED_RO_COMPAT	0x0003	/* sparse_super, large_file */

/* ext2_statfs — as Linux ext2_statfs with the minixdf mount option:
 * every block counts, and the reserved ones are not free for users. */
static void ext2_statfs(struct super_block *sb, struct kstatfs *st)
{
	struct ext2_super_block *es = EXT2_SB(sb)->es;

	st->f_blocks = es->s_blocks_count;
	st->f_bfree = es->s_free_blocks_count;
	st->f_bavail = es->s_free_blocks_count > es->s_r_blocks_count ?
		       es->s_free_blocks_count - es->s_r_blocks_count : 0;
	st->f_files = es->s_inodes_count;
	st->f_ffree = es->s_free_inodes_count;
}

static const struct super_operations ext2_sops = {
	.read_inode = ext2_read_inode,
	.write_inode = ext2_write_inode,
	.evict_inode = ext2_evict_inode,
	.sync_fs = ext2_sync_super,
	.statfs = ext2_statfs,
};

/* read_super — the super block at byte 1024, in a buffer of the file
 * system's own block size. */
static struct buffer_head *read_super(struct ext2_super_block **esp)
{
	struct buffer_head *bh;
	u32 bs;

	set_blocksize(1024);
	bh = bread(1);
	if (!bh)
		return NULL;
	*esp = (struct ext2_super_block *)bh->b_data;
	bs = 1024u << (*esp)->s_log_block_size;
	if ((*esp)->s_magic != EXT2_SUPER_MAGIC || bs == 1024 || bs > 4096)
		return bh;
	brelse(bh);
	set_blocksize(bs);
	bh = bread(0);
	if (bh)
		*esp = (struct ext2_super_block *)(bh->b_data + 1024);
	return bh;
}

static int check_super(const struct ext2_super_block *es)
{
	if (es->s_magic != EXT2_SUPER_MAGIC)
		return -EINVAL;
	if (es->s_rev_level >= 1 &&
	    ((es->s_feature_incompat & ~SUPPORTED_INCOMPAT) ||
	     (es->s_feature_ro_compat & ~SUPPORTED_RO_COMPAT))) {
		printk("ext2: unsupported features incompat %x ro_compat %x\n",
		       es->s_feature_incompat, es->s_feature_ro_compat);
		return -EINVAL;
	}
	return 0;
}

static int read_group_descs(struct ext2_sb_info *sbi, u32 first)
{
	u32 n = (sbi->groups + sbi->desc_per_block - 1) / sbi->desc_per_block;

	sbi->gdb = kzalloc(n * sizeof(*sbi->gdb));
	if (!sbi->gdb)
		return -ENOMEM;
	for (u32 i = 0; i < n; i++)
		if (!(sbi->gdb[i] = bread(first + 1 + i)))
			return -EIO;
	return 0;
}

int ext2_mount(struct super_block *sb)
{
	struct ext2_sb_info *sbi = kzalloc(sizeof(*sbi));
	struct ext2_super_block *es;
	int err;

	if (!sbi)
		return -ENOMEM;
	sbi->sbh = read_super(&es);
	err = sbi->sbh ? check_super(es) : -EIO;
	if (err)
		return err;
	sbi->es = es;
	sb->s_blocksize = block_size();
	sb->s_op = &ext2_sops;
	sb->s_magic = 0xEF53;		/* EXT2_SUPER_MAGIC */
	sb->s_fs_info = sbi;
	sbi->inode_size = es->s_rev_level >= 1 ? es->s_inode_size : 128;
	sbi->inodes_per_block = sb->s_blocksize / sbi->inode_size;
	sbi->addr_per_block = sb->s_blocksize / 4;
	sbi->desc_per_block = sb->s_blocksize / sizeof(struct ext2_group_desc);
	sbi->groups = (es->s_blocks_count - es->s_first_data_block +
		       es->s_blocks_per_group - 1) / es->s_blocks_per_group;
	err = read_group_descs(sbi, es->s_first_data_block);
	if (err)
		return err;
	sb->s_root = iget(sb, EXT2_ROOT_INO);
	if (IS_ERR(sb->s_root)) {
		err = PTR_ERR(sb->s_root);
		sb->s_root = NULL;
		return err;
	}
	printk("ext2: %u blocks of %u bytes, %u free; %u inodes, %u free; "
	       "%u groups\n", es->s_blocks_count, sb->s_blocksize,
	       es->s_free_blocks_count, es->s_inodes_count,
	       es->s_free_inodes_count, sbi->groups);
	return 0;
}

struct ext2_group_desc *ext2_get_group_desc(struct super_block *sb, u32 g,
					    struct buffer_head **bhp)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	*bhp = sbi->gdb[g / sbi->desc_per_block];
	return (struct ext2_group_desc *)(*bhp)->b_data +
	       g % sbi->desc_per_block;
}

/* ext2_sync_super — the super block's counts go out with the next sync. */
void ext2_sync_super(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	sbi->es->s_wtime = current_time();
	mark_buffer_dirty(sbi->sbh);
}
