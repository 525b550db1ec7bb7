/* kernel/fs/ext2/ext2.h — the ext2 on-disk format (revision 1) and the
 * driver's internal interface. Linux fs/ext2/ext2.h; "The Second Extended
 * File System" (Poirier); ULK 18. All fields are little-endian, as i386. */
#ifndef CLONIX_EXT2_H
#define CLONIX_EXT2_H

#include "../fs.h"

#define EXT2_SUPER_MAGIC	0xEF53
#define EXT2_ROOT_INO		2
#define EXT2_GOOD_OLD_FIRST_INO	11
#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_N_BLOCKS		15
#define EXT2_NAME_LEN		255
#define EXT2_FEATURE_INCOMPAT_FILETYPE	0x0002
#define EXT2_INDEX_FL		0x00001000	/* htree: we clear it */

/* dir entry file_type (EXT2_FEATURE_INCOMPAT_FILETYPE) */
#define EXT2_FT_UNKNOWN		0
#define EXT2_FT_REG_FILE	1
#define EXT2_FT_DIR		2
#define EXT2_FT_CHRDEV		3
#define EXT2_FT_BLKDEV		4
#define EXT2_FT_FIFO		5
#define EXT2_FT_SOCK		6
#define EXT2_FT_SYMLINK		7

struct ext2_super_block {
	u32 s_inodes_count, s_blocks_count, s_r_blocks_count;
	u32 s_free_blocks_count, s_free_inodes_count;
	u32 s_first_data_block, s_log_block_size, s_log_frag_size;
	u32 s_blocks_per_group, s_frags_per_group, s_inodes_per_group;
	u32 s_mtime, s_wtime;
	u16 s_mnt_count;
	s16 s_max_mnt_count;
	u16 s_magic, s_state, s_errors, s_minor_rev_level;
	u32 s_lastcheck, s_checkinterval, s_creator_os, s_rev_level;
	u16 s_def_resuid, s_def_resgid;
	u32 s_first_ino;
	u16 s_inode_size, s_block_group_nr;
	u32 s_feature_compat, s_feature_incompat, s_feature_ro_compat;
	u8 s_uuid[16];
	char s_volume_name[16];
};

struct ext2_group_desc {
	u32 bg_block_bitmap, bg_inode_bitmap, bg_inode_table;
	u16 bg_free_blocks_count, bg_free_inodes_count, bg_used_dirs_count;
	u16 bg_pad;
	u32 bg_reserved[3];
};

struct ext2_inode {
	u16 i_mode, i_uid;
	u32 i_size, i_atime, i_ctime, i_mtime, i_dtime;
	u16 i_gid, i_links_count;
	u32 i_blocks;			/* in 512-byte sectors */
	u32 i_flags, i_osd1;
	u32 i_block[EXT2_N_BLOCKS];
	u32 i_generation, i_file_acl, i_size_high, i_faddr;
	u8 i_osd2[12];
};

struct ext2_dir_entry {
	u32 inode;
	u16 rec_len;
	u8 name_len;
	u8 file_type;
	char name[];
};

#define EXT2_DIR_REC_LEN(len)	(((len) + 8 + 3) & ~3)

/* the mounted file system (sb->s_fs_info) */
struct ext2_sb_info {
	struct ext2_super_block *es;	/* in sbh's data */
	struct buffer_head *sbh;
	u32 groups, desc_per_block, inodes_per_block;
	u32 inode_size, addr_per_block;
	struct buffer_head **gdb;	/* the group descriptor blocks */
};

#define EXT2_SB(sb)	((struct ext2_sb_info *)(sb)->s_fs_info)

/* super.c */
int ext2_mount(struct super_block *sb);
struct ext2_group_desc *ext2_get_group_desc(struct super_block *sb, u32 g,
					    struct buffer_head **bhp);
void ext2_sync_super(struct super_block *sb);
/* inode.c */
int ext2_read_inode(struct inode *inode);
int ext2_write_inode(struct inode *inode);
int ext2_sync_inode(struct inode *inode);
int ext2_fsync(struct inode *inode, bool datasync);
void ext2_evict_inode(struct inode *inode);
void ext2_set_ops(struct inode *inode);
long ext2_bmap(struct inode *inode, u32 iblock, bool create);
int ext2_truncate(struct inode *inode, u32 size);
/* balloc.c, ialloc.c */
long ext2_new_block(struct super_block *sb, u32 goal);
void ext2_free_block(struct super_block *sb, u32 block);
struct inode *ext2_new_inode(struct inode *dir, u16 mode);
void ext2_free_inode(struct inode *inode);
/* dir.c */
long ext2_find_entry(struct inode *dir, const char *name, u32 len);
int ext2_add_link(struct inode *dir, const char *name, u32 len,
		  struct inode *inode);
int ext2_delete_entry(struct inode *dir, const char *name, u32 len);
bool ext2_empty_dir(struct inode *dir);
int ext2_set_link(struct inode *dir, const char *name, u32 len, u32 ino);
int ext2_make_empty(struct inode *inode, struct inode *parent);

extern const struct inode_operations ext2_dir_inode_operations;
extern const struct inode_operations ext2_symlink_inode_operations;
int ext2_symlink(struct inode *dir, const char *name, u32 len,
		 const char *target);
extern const struct file_operations ext2_dir_operations;
extern const struct file_operations ext2_file_operations;

#endif
