/* kernel/fs/ext2/dir.c — ext2 directories: a list of variable-length
 * entries packed in blocks; Linux fs/ext2/dir.c; ULK 18.2.4.
 * Each entry's rec_len reaches to the next, so a deleted entry is merged
 * into the one before it and a new one is carved out of any entry with
 * room to spare. Directories are always whole blocks long. */
#include "ext2.h"
#include "../../lib/string.h"
#include <asm/errno.h>

/* struct dir_walk — one entry of a directory, with its block. */
struct dir_walk {
	struct buffer_head *bh;
	struct ext2_dir_entry *de, *prev;
	u32 blk;			/* file block of bh */
	u32 off;			/* offset of de in the block */
};

static bool entry_ok(const struct ext2_dir_entry *de, u32 off, u32 bs)
{
	return de->rec_len >= 8 && !(de->rec_len & 3) &&
	       off + de->rec_len <= bs &&
	       EXT2_DIR_REC_LEN(de->name_len) <= de->rec_len;
}

/* walk_next — advance to the next entry (the first when w->bh is NULL);
 * 1: an entry, 0: the end, -EIO: a damaged directory. */
static int walk_next(struct inode *dir, struct dir_walk *w)
{
	u32 bs = dir->i_sb->s_blocksize;
	long block;

	if (w->bh) {
		w->prev = w->de;
		w->off += w->de->rec_len;
	}
	if (!w->bh || w->off >= bs) {
		if (w->bh) {
			brelse(w->bh);
			w->blk++;
		}
		w->bh = NULL;
		w->prev = NULL;
		w->off = 0;
		if (w->blk >= dir->i_size / bs)
			return 0;
		block = ext2_bmap(dir, w->blk, false);
		if (block <= 0 || !(w->bh = bread(block)))
			return -EIO;
	}
	w->de = (struct ext2_dir_entry *)(w->bh->b_data + w->off);
	return entry_ok(w->de, w->off, bs) ? 1 : -EIO;
}

static void walk_end(struct dir_walk *w)
{
	brelse(w->bh);
	w->bh = NULL;
}

static bool name_is(const struct ext2_dir_entry *de, const char *name, u32 len)
{
	return de->inode && de->name_len == len && !memcmp(de->name, name, len);
}

/* find — position w on the entry called name; 1 found, 0 not, <0 error. */
static int find(struct inode *dir, const char *name, u32 len,
		struct dir_walk *w)
{
	int r;

	*w = (struct dir_walk){ 0 };
	while ((r = walk_next(dir, w)) > 0)
		if (name_is(w->de, name, len))
			return 1;
	walk_end(w);
	return r;
}

long ext2_find_entry(struct inode *dir, const char *name, u32 len)
{
	struct dir_walk w;
	int r = find(dir, name, len, &w);
	long ino = r > 0 ? (long)w.de->inode : r;

	walk_end(&w);
	return ino;
}

int ext2_set_link(struct inode *dir, const char *name, u32 len, u32 ino)
{
	struct dir_walk w;
	int r = find(dir, name, len, &w);

	if (r <= 0)
		return r ? r : -ENOENT;
	w.de->inode = ino;
	mark_buffer_dirty(w.bh);
	walk_end(&w);
	dir->i_mtime = dir->i_ctime = current_time();
	mark_inode_dirty(dir);
	return 0;
}

static void fill_entry(struct ext2_dir_entry *de, const char *name, u32 len,
		       struct inode *inode)
{
	de->inode = inode->i_ino;
	de->name_len = len;
	de->file_type = fs_umode_to_ftype(inode->i_mode);
	memcpy(de->name, name, len);
}

/* add_in_block — carve the new entry out of an entry with room. */
static bool add_in_place(struct dir_walk *w, const char *name, u32 len,
			 struct inode *inode)
{
	u32 need = EXT2_DIR_REC_LEN(len);
	u32 used = w->de->inode ? EXT2_DIR_REC_LEN(w->de->name_len) : 0;
	struct ext2_dir_entry *de = w->de;

	if (de->rec_len - used < need)
		return false;
	if (used) {
		struct ext2_dir_entry *n = (void *)((char *)de + used);

		n->rec_len = de->rec_len - used;
		de->rec_len = used;
		de = n;
	}
	fill_entry(de, name, len, inode);
	mark_buffer_dirty(w->bh);
	return true;
}

/* append_block — a new last block holding only this entry. */
static int append_block(struct inode *dir, const char *name, u32 len,
			struct inode *inode)
{
	u32 bs = dir->i_sb->s_blocksize;
	long block = ext2_bmap(dir, dir->i_size / bs, true);
	struct buffer_head *bh;
	struct ext2_dir_entry *de;

	if (block <= 0)
		return block ? block : -EIO;
	bh = bread(block);
	if (!bh)
		return -EIO;
	de = (struct ext2_dir_entry *)bh->b_data;
	de->rec_len = bs;
	fill_entry(de, name, len, inode);
	mark_buffer_dirty(bh);
	brelse(bh);
	dir->i_size += bs;
	return 0;
}

int ext2_add_link(struct inode *dir, const char *name, u32 len,
		  struct inode *inode)
{
	struct dir_walk w = { 0 };
	int r, err = 0;

	while ((r = walk_next(dir, &w)) > 0)
		if (add_in_place(&w, name, len, inode))
			break;
	walk_end(&w);
	if (r < 0)
		return r;
	if (r == 0)
		err = append_block(dir, name, len, inode);
	dir->i_mtime = dir->i_ctime = current_time();
	dir->i_flags &= ~EXT2_INDEX_FL;
	mark_inode_dirty(dir);
	return err;
}

int ext2_delete_entry(struct inode *dir, const char *name, u32 len)
{
	struct dir_walk w;
	int r = find(dir, name, len, &w);

	if (r <= 0)
		return r ? r : -ENOENT;
	if (w.prev)
		w.prev->rec_len += w.de->rec_len;
	else
		w.de->inode = 0;
	mark_buffer_dirty(w.bh);
	walk_end(&w);
	dir->i_mtime = dir->i_ctime = current_time();
	mark_inode_dirty(dir);
	return 0;
}

bool ext2_empty_dir(struct inode *dir)
{
	struct dir_walk w = { 0 };
	bool empty = true;

	while (empty && walk_next(dir, &w) > 0)
		empty = !w.de->inode || name_is(w.de, ".", 1) ||
			name_is(w.de, "..", 2);
	walk_end(&w);
	return empty;
}

/* ext2_make_empty — the first block of a new directory: "." and "..". */
int ext2_make_empty(struct inode *inode, struct inode *parent)
{
	u32 bs = inode->i_sb->s_blocksize;
	long block = ext2_bmap(inode, 0, true);
	struct buffer_head *bh = block > 0 ? bread(block) : NULL;
	struct ext2_dir_entry *de;

	if (!bh)
		return block < 0 ? block : -EIO;
	de = (struct ext2_dir_entry *)bh->b_data;
	fill_entry(de, ".", 1, inode);
	de->rec_len = EXT2_DIR_REC_LEN(1);
	de = (void *)((char *)de + de->rec_len);
	fill_entry(de, "..", 2, parent);
	de->rec_len = bs - EXT2_DIR_REC_LEN(1);
	mark_buffer_dirty(bh);
	brelse(bh);
	inode->i_size = bs;
	mark_inode_dirty(inode);
	return 0;
}

/* ext2_readdir — entries from ctx->pos (a byte offset) until the actor
 * has no room; pos then names the first entry not delivered. */
static int ext2_readdir(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->f_inode;
	u32 bs = dir->i_sb->s_blocksize;
	struct dir_walk w = { .blk = ctx->pos / bs };
	int r;

	while ((r = walk_next(dir, &w)) > 0) {
		loff_t here = (loff_t)w.blk * bs + w.off;

		if (here < ctx->pos || !w.de->inode)
			continue;
		if (!ctx->actor(ctx, w.de->name, w.de->name_len,
				here + w.de->rec_len, w.de->inode,
				w.de->file_type))
			break;
		ctx->pos = here + w.de->rec_len;
	}
	walk_end(&w);
	if (r == 0)
		ctx->pos = dir->i_size;
	return r < 0 ? r : 0;
}

const struct file_operations ext2_dir_operations = {
	.fsync = ext2_fsync,
	.readdir = ext2_readdir,
};
