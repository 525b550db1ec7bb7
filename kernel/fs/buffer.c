/* kernel/fs/buffer.c — the block cache; Linux fs/buffer.c (bread,
 * getblk, brelse, mark_buffer_dirty), ULK 15.2 "Block Buffers"; xv6 bio.c.
 * A fixed number of block-sized buffers kept in LRU order. Writes are
 * delayed: a dirty buffer reaches the disk when it is reused, at sync(),
 * fsync(), at power-off, and when it has been dirty for a few seconds
 * (sync.c), so that a machine switched off without warning loses
 * only the last seconds of work. */
#include "buffer.h"
#include "../drivers/ata.h"
#include "../lib/jiffies.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>

#define NR_BUFFERS	256

static LIST_HEAD(lru);			/* least recently used first */
static int nbuffers;
static unsigned long cache_bytes;	/* heap bytes the buffers take */
static u32 bsize;

u32 block_size(void)
{
	return bsize;
}

int nr_buffers(void)
{
	return nbuffers;
}

unsigned long buffer_cache_bytes(void)
{
	return cache_bytes;
}

static int bh_io(struct buffer_head *bh, bool write)
{
	u32 spb = bsize / SECTOR_SIZE;

	return ata_rw(bh->b_blocknr * spb, bh->b_data, spb, write);
}

static int write_back(struct buffer_head *bh)
{
	int err = 0;

	if (bh->b_dirty) {
		err = bh_io(bh, true);
		if (err)
			printk("buffer: write of block %u failed (%d)\n",
			       bh->b_blocknr, err);
		bh->b_dirty = false;
	}
	return err;
}

/* set_blocksize — at mount: drop every buffer, sizes change. */
int set_blocksize(u32 size)
{
	struct buffer_head *bh;

	sync_buffers();
	while (!list_empty(&lru)) {
		bh = list_first_entry(&lru, struct buffer_head, b_lru);
		list_del(&bh->b_lru);
		kfree(bh->b_data);
		kfree(bh);
	}
	nbuffers = 0;
	kobj_cache(KOBJ_KMALLOC, -(long)cache_bytes);
	cache_bytes = 0;
	bsize = size;
	return 0;
}

static struct buffer_head *new_buffer(void)
{
	struct buffer_head *bh = kzalloc(sizeof(*bh));

	if (bh && !(bh->b_data = kmalloc(bsize))) {
		kfree(bh);
		bh = NULL;
	}
	if (bh) {
		nbuffers++;
		cache_bytes += ksize(bh) + ksize(bh->b_data);
		kobj_cache(KOBJ_KMALLOC, ksize(bh) + ksize(bh->b_data));
	}
	return bh;
}

/* recycle — the least recently used free buffer, written back first. */
static struct buffer_head *recycle(void)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &lru, b_lru)
		if (!bh->b_count) {
			write_back(bh);
			list_del(&bh->b_lru);
			return bh;
		}
	return NULL;
}

/* getblk — the buffer for block, not necessarily read yet. */
struct buffer_head *getblk(u32 block)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &lru, b_lru)
		if (bh->b_blocknr == block) {
			list_del(&bh->b_lru);
			goto found;
		}
	bh = nbuffers < NR_BUFFERS ? new_buffer() : NULL;
	if (!bh)
		bh = recycle();
	if (!bh)
		return NULL;
	bh->b_blocknr = block;
	bh->b_uptodate = false;
	bh->b_dirty = false;
found:
	bh->b_count++;
	list_add_tail(&bh->b_lru, &lru);
	return bh;
}

/* bread — the block's buffer, read from disk if needed; NULL on error. */
struct buffer_head *bread(u32 block)
{
	struct buffer_head *bh = getblk(block);

	if (bh && !bh->b_uptodate) {
		if (bh_io(bh, false)) {
			brelse(bh);
			return NULL;
		}
		bh->b_uptodate = true;
	}
	return bh;
}

void brelse(struct buffer_head *bh)
{
	if (bh)
		bh->b_count--;
}

/* mark_buffer_dirty — the age of a dirty buffer is that of its first
 * unwritten change (what the flusher's expiry counts from). */
void mark_buffer_dirty(struct buffer_head *bh)
{
	if (!bh->b_dirty)
		bh->b_dirtied = get_jiffies_64();
	bh->b_dirty = true;
	bh->b_uptodate = true;
}

int nr_dirty_buffers(void)
{
	struct buffer_head *bh;
	int n = 0;

	list_for_each_entry(bh, &lru, b_lru)
		n += bh->b_dirty;
	return n;
}

/* oldest_dirty_tick — when the oldest dirty buffer became dirty; 0 if
 * none is. */
u64 oldest_dirty_tick(void)
{
	struct buffer_head *bh;
	u64 oldest = 0;

	list_for_each_entry(bh, &lru, b_lru)
		if (bh->b_dirty && (!oldest || bh->b_dirtied < oldest))
			oldest = bh->b_dirtied;
	return oldest;
}

/* sync_dirty_buffer — this buffer to the disk now, if it is dirty. */
int sync_dirty_buffer(struct buffer_head *bh)
{
	return write_back(bh) ? -EIO : 0;
}

/* sync_block — the cached buffer of block to the disk, if it is there
 * and dirty (fsync: a block not in the cache is on the disk already). */
int sync_block(u32 block)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &lru, b_lru)
		if (bh->b_blocknr == block)
			return sync_dirty_buffer(bh);
	return 0;
}

/* blkdev_issue_flush — the disk's own write cache to the platters. */
int blkdev_issue_flush(void)
{
	return bsize && ata_flush() ? -EIO : 0;
}

/* sync_buffers — every dirty buffer to the disk, then a cache flush. */
int sync_buffers(void)
{
	struct buffer_head *bh;
	int err = 0;

	list_for_each_entry(bh, &lru, b_lru)
		err |= write_back(bh);
	if (bsize)
		err |= ata_flush();
	return err ? -EIO : 0;
}
