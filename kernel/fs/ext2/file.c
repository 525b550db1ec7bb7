/* kernel/fs/ext2/file.c — ext2's regular files: their page cache's
 * operations (fill a page from the file's blocks, write one back, give
 * bytes blocks before a write) and the file operations, which are the
 * generic page-cache ones (generic_file.c). Linux fs/ext2/inode.c
 * (ext2_aops: read_folio, writepages, write_begin) and fs/ext2/file.c;
 * ULK 16.1, 18.5. A hole reads as zeros and stays a hole until written. */
#include "ext2.h"
#include "../../lib/string.h"
#include "../../mm/page.h"
#include "../../mm/pagemap.h"
#include <asm/errno.h>

/* ext2_readpage — the page's blocks from the disk, through the block
 * cache; holes and bytes past the end are zeros. */
static int ext2_readpage(struct inode *inode, struct page *page,
			 unsigned long idx)
{
	u32 bs = inode->i_sb->s_blocksize, per = PAGE_SIZE / bs;
	u32 pos = idx << PAGE_SHIFT;
	char *p = page_address(page);

	for (u32 i = 0; i < per; i++, p += bs) {
		long block = pos + i * bs < inode->i_size ?
			     ext2_bmap(inode, idx * per + i, false) : 0;
		struct buffer_head *bh = block > 0 ? bread(block) : NULL;

		if (block < 0 || (block > 0 && !bh))
			return block < 0 ? block : -EIO;
		if (bh)
			memcpy(p, bh->b_data, bs);
		else
			memset(p, 0, bs);
		brelse(bh);
	}
	if (inode->i_size - pos < PAGE_SIZE && inode->i_size > pos)
		memset((char *)page_address(page) + (inode->i_size - pos), 0,
		       PAGE_SIZE - (inode->i_size - pos));
	return 0;
}

/* ext2_writepage — the page's blocks within the size into the block
 * cache, dirty; the flusher takes them to the disk. A block that is
 * still a hole was never written: it stays one. */
static int ext2_writepage(struct inode *inode, struct page *page,
			  unsigned long idx)
{
	u32 bs = inode->i_sb->s_blocksize, per = PAGE_SIZE / bs;
	u32 pos = idx << PAGE_SHIFT;
	char *p = page_address(page);

	for (u32 i = 0; i < per && pos + i * bs < inode->i_size; i++, p += bs) {
		long block = ext2_bmap(inode, idx * per + i, false);
		struct buffer_head *bh;

		if (block < 0)
			return block;
		if (!block)
			continue;
		bh = getblk(block);
		if (!bh)
			return -EIO;
		memcpy(bh->b_data, p, bs);
		mark_buffer_dirty(bh);
		brelse(bh);
	}
	return 0;
}

/* ext2_prepare_write — blocks for [pos, pos+len), allocated (zeroed) if
 * they were holes: the bytes from pos that have one now, or -ENOSPC when
 * not even the first block could be had. */
static long ext2_prepare_write(struct inode *inode, u32 pos, u32 len)
{
	u32 bs = inode->i_sb->s_blocksize, first = pos / bs;

	for (u32 b = first; len && b <= (pos + len - 1) / bs; b++) {
		long block = ext2_bmap(inode, b, true);

		if (block <= 0 && b > first)
			return b * bs - pos;	/* a full disk part-way */
		if (block <= 0)
			return block ? block : -EIO;
	}
	return len;
}

static const struct address_space_operations ext2_aops = {
	.readpage = ext2_readpage,
	.writepage = ext2_writepage,
	.prepare_write = ext2_prepare_write,
};

/* ext2_mapping — the file's page cache, made on the first need. */
static struct address_space *ext2_mapping(struct inode *inode)
{
	if (!inode->i_mapping)
		inode->i_mapping = mapping_alloc(inode, &ext2_aops,
			(inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
	return inode->i_mapping;
}

static long ext2_file_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	struct address_space *m = ext2_mapping(f->f_inode);

	return m ? generic_file_read(m, ubuf, count, pos) : -ENOMEM;
}

static long ext2_file_write(struct file *f, const char *ubuf, u32 count,
			    loff_t *pos)
{
	struct address_space *m = ext2_mapping(f->f_inode);

	return m ? generic_file_write(m, ubuf, count, pos, false) : -ENOMEM;
}

/* ext2_file_truncate — the cache first (no dirty page may be written
 * back to a block that is given away), then the blocks. */
static int ext2_file_truncate(struct inode *inode, u32 size)
{
	int err = inode->i_mapping ? generic_truncate(inode->i_mapping, size) : 0;

	return err ?: ext2_truncate(inode, size);
}

/* ext2_kernel_append — acct appends a record from kernel memory, whole
 * or not at all: a short write (a full disk) is cut off again. */
static long ext2_kernel_append(struct inode *inode, const void *buf, u32 n)
{
	struct address_space *m = ext2_mapping(inode);
	loff_t pos = inode->i_size;
	u32 old = inode->i_size;
	long r = m ? generic_file_write(m, buf, n, &pos, true) : -ENOMEM;

	if (r >= 0 && (u32)r == n)
		return r;
	ext2_file_truncate(inode, old);
	return r < 0 ? r : -ENOSPC;
}

/* ext2_kernel_read — exec reads the executable's headers. */
static long ext2_kernel_read(struct inode *inode, u32 pos, void *buf, u32 n)
{
	struct address_space *m = ext2_mapping(inode);

	return m ? generic_kernel_read(m, pos, buf, n) : -ENOMEM;
}

/* ext2_file_mmap — a mapping shows the page cache itself. */
static int ext2_file_mmap(struct file *f, struct address_space **obj)
{
	struct address_space *m = ext2_mapping(f->f_inode);

	if (!m)
		return -ENOMEM;
	mapping_get(m);
	*obj = m;
	return 0;
}

/* ext2_file_fsync — the file's dirty pages into the block cache, then
 * its blocks and inode to the disk. */
static int ext2_file_fsync(struct inode *inode, bool datasync)
{
	int err = inode->i_mapping ? filemap_write_back(inode->i_mapping) : 0;

	return err ?: ext2_fsync(inode, datasync);
}

const struct file_operations ext2_file_operations = {
	.fsync = ext2_file_fsync,
	.read = ext2_file_read,
	.write = ext2_file_write,
	.truncate = ext2_file_truncate,
	.kread = ext2_kernel_read,
	.kappend = ext2_kernel_append,
	.mmap = ext2_file_mmap,
};
