/* kernel/fs/ext2/file.c — reading and writing regular files through the
 * block cache; Linux fs/ext2/file.c with generic_file_read/write_iter
 * reduced to block-by-block copies; ULK 16.1. A hole reads as zeros; a
 * write allocates what it covers and moves the size. */
#include "ext2.h"
#include "../../lib/string.h"
#include "../../mm/uaccess.h"
#include <asm/errno.h>

static long ext2_file_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	u32 bs = inode->i_sb->s_blocksize;
	u32 done = 0;

	if (*pos >= inode->i_size)
		return 0;
	count = MIN(count, inode->i_size - (u32)*pos);
	while (done < count) {
		u32 off = (*pos + done) % bs, n = MIN(bs - off, count - done);
		long block = ext2_bmap(inode, (*pos + done) / bs, false);
		struct buffer_head *bh = block > 0 ? bread(block) : NULL;
		unsigned long left;

		if (block < 0 || (block > 0 && !bh))
			break;
		left = bh ? copy_to_user(ubuf + done, bh->b_data + off, n) :
			    clear_user(ubuf + done, n);
		brelse(bh);
		if (left)
			return done ? (long)done : -EFAULT;
		done += n;
	}
	*pos += done;
	return done ? (long)done : (done == count ? 0 : -EIO);
}

/* write_block — one block's part of a write; a whole-block write does
 * not need the old contents read first. */
static long write_block(struct inode *inode, const char *ubuf, u32 iblock,
			u32 off, u32 n, bool kernel)
{
	u32 bs = inode->i_sb->s_blocksize;
	long block = ext2_bmap(inode, iblock, true);
	struct buffer_head *bh;
	unsigned long left;

	if (block <= 0)
		return block ? block : -EIO;
	bh = n == bs ? getblk(block) : bread(block);
	if (!bh)
		return -EIO;
	if (kernel)
		memcpy(bh->b_data + off, ubuf, n);
	left = kernel ? 0 : copy_from_user(bh->b_data + off, ubuf, n);
	mark_buffer_dirty(bh);
	brelse(bh);
	return left ? -EFAULT : (long)n;
}

/* The largest file: sizes are 32 bits here (no large_file feature), and
 * Linux's limit for files opened without O_LARGEFILE is the same. */
#define EXT2_MAX_SIZE	0x7fffffffLL

/* do_write — block by block; a write that fails (a bad buffer, a full
 * disk) after allocating blocks past the size gives them back (Linux
 * ext2_write_failed), so no block lies beyond i_size. */
static long do_write(struct inode *inode, const char *ubuf, u32 count,
		     loff_t *pos, bool kernel)
{
	u32 bs = inode->i_sb->s_blocksize;
	u32 done = 0;
	long r = 0;

	if (*pos >= EXT2_MAX_SIZE)
		return -EFBIG;
	count = MIN((loff_t)count, EXT2_MAX_SIZE - *pos);
	while (done < count) {
		u32 at = *pos + done, off = at % bs;

		r = write_block(inode, ubuf + done, at / bs, off,
				MIN(bs - off, count - done), kernel);
		if (r < 0)
			break;
		done += r;
	}
	*pos += done;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	if (r < 0)
		ext2_truncate(inode, inode->i_size);
	if (done) {
		inode->i_mtime = inode->i_ctime = current_time();
		mark_inode_dirty(inode);
	}
	return done ? (long)done : r;
}

static long ext2_file_write(struct file *f, const char *ubuf, u32 count,
			    loff_t *pos)
{
	return do_write(f->f_inode, ubuf, count, pos, false);
}

/* ext2_kernel_append — acct appends a record from kernel memory, whole
 * or not at all: a short write (a full disk) is cut off again. */
static long ext2_kernel_append(struct inode *inode, const void *buf, u32 n)
{
	loff_t pos = inode->i_size;
	u32 old = inode->i_size;
	long r = do_write(inode, buf, n, &pos, true);

	if (r >= 0 && (u32)r == n)
		return r;
	ext2_truncate(inode, old);
	return r < 0 ? r : -ENOSPC;
}

/* ext2_kernel_read — exec reads the executable into kernel memory. */
static long ext2_kernel_read(struct inode *inode, u32 pos, void *buf, u32 n)
{
	u32 bs = inode->i_sb->s_blocksize, done = 0;

	if (pos >= inode->i_size)
		return 0;
	n = MIN(n, inode->i_size - pos);
	while (done < n) {
		u32 off = (pos + done) % bs, len = MIN(bs - off, n - done);
		long block = ext2_bmap(inode, (pos + done) / bs, false);
		struct buffer_head *bh = block > 0 ? bread(block) : NULL;

		if (block < 0 || (block > 0 && !bh))
			return -EIO;
		if (bh)
			memcpy((char *)buf + done, bh->b_data + off, len);
		else
			memset((char *)buf + done, 0, len);
		brelse(bh);
		done += len;
	}
	return done;
}

const struct file_operations ext2_file_operations = {
	.fsync = ext2_fsync,
	.read = ext2_file_read,
	.write = ext2_file_write,
	.truncate = ext2_truncate,
	.kread = ext2_kernel_read,
	.kappend = ext2_kernel_append,
};
