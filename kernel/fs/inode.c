/* kernel/fs/inode.c — the inode cache; Linux fs/inode.c (iget_locked,
 * iput, evict); ULK 12.2.2. An inode in use is in a hash by number, so
 * every user of a file shares one struct inode; when the last reference
 * goes, a file with no links left is deleted from the disk (evict) and
 * the struct is freed, and a file with pages in its page cache is kept,
 * unused, for the next user (up to MAX_UNUSED of them). Changes are written to the buffer cache at once
 * (mark_inode_dirty), so there is no dirty-inode list to flush. */
#include "fs.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../lib/jiffies.h"
#include "../mm/kmalloc.h"
#include "../mm/pagemap.h"
#include <asm/errno.h>

#define IHASH_SIZE	64
#define MAX_UNUSED	128	/* unused inodes kept for their page cache */

static struct list_head inode_hash[IHASH_SIZE];
static LIST_HEAD(inode_unused);		/* oldest first */
static int nr_unused;
static u32 boot_epoch;

void inode_init(u32 epoch)
{
	boot_epoch = epoch;
	for (int i = 0; i < IHASH_SIZE; i++)
		INIT_LIST_HEAD(&inode_hash[i]);
}

/* current_time — seconds since the Epoch: the RTC at boot plus ticks. */
u32 current_time(void)
{
	return boot_epoch + get_jiffies_64() / HZ;
}

static struct list_head *bucket(u32 ino)
{
	return &inode_hash[ino % IHASH_SIZE];
}

/* new_inode — an in-memory inode for ino, hashed, one reference. */
struct inode *new_inode(struct super_block *sb, u32 ino)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_ino = ino;
	inode->i_count = 1;
	INIT_LIST_HEAD(&inode->i_flock);
	list_add(&inode->i_hash, bucket(ino));
	kobj_new(KOBJ_INODE);
	return inode;
}

/* sb_busy — does anyone hold an inode of sb beyond the references its
 * file system keeps itself (own_refs)? umount's EBUSY. */
bool sb_busy(struct super_block *sb, int (*own_refs)(struct inode *inode))
{
	struct inode *inode;

	for (int i = 0; i < IHASH_SIZE; i++)
		list_for_each_entry(inode, &inode_hash[i], i_hash)
			if (inode->i_sb == sb && inode->i_count > own_refs(inode))
				return true;
	return false;
}

/* destroy_inode — the struct goes; a file's page cache goes with it,
 * its dirty pages written back first unless the file is gone. */
static void destroy_inode(struct inode *inode)
{
	if (inode->i_mapping) {
		if (inode->i_nlink)
			filemap_write_back(inode->i_mapping);
		mapping_put(inode->i_mapping);
	}
	list_del(&inode->i_hash);
	kobj_del(KOBJ_INODE);
	kfree(inode);
}

/* lru_account — an unused inode and its cache are the cache's: n = 1
 * when it joins the unused list, -1 when it leaves (objstat.h). */
static void lru_account(struct inode *inode, long n)
{
	kobj_cache(KOBJ_INODE, n);
	kobj_cache(KOBJ_SHMEM, inode->i_mapping ? n : 0);
	kobj_cache(KOBJ_KMALLOC, n * (long)(ksize(inode) +
					  mapping_bytes(inode->i_mapping)));
}

static void lru_del(struct inode *inode)
{
	list_del(&inode->i_lru);
	nr_unused--;
	lru_account(inode, -1);
}

/* keep_unused — the last user of a file with pages in its cache is
 * gone: keep the inode, so that the next open or exec of the file finds
 * its pages (Linux's inode LRU); the oldest goes past MAX_UNUSED. */
static void keep_unused(struct inode *inode)
{
	list_add_tail(&inode->i_lru, &inode_unused);
	nr_unused++;
	lru_account(inode, 1);
	if (nr_unused > MAX_UNUSED) {
		inode = list_first_entry(&inode_unused, struct inode, i_lru);
		lru_del(inode);
		destroy_inode(inode);
	}
}

/* iget — the inode ino of sb, from the cache or read from the disk;
 * ERR_PTR(-ENOMEM) or the read's error (Linux iget_locked + read). */
struct inode *iget(struct super_block *sb, u32 ino)
{
	struct inode *inode;
	int err;

	list_for_each_entry(inode, bucket(ino), i_hash)
		if (inode->i_ino == ino && inode->i_sb == sb) {
			if (!inode->i_count)
				lru_del(inode);
			return igrab(inode);
		}
	inode = new_inode(sb, ino);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	err = sb->s_op->read_inode(inode);
	if (err) {
		destroy_inode(inode);
		return ERR_PTR(err);
	}
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	inode->i_count++;
	return inode;
}

/* iput — drop a reference; the last one of an unlinked file deletes it. */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	if (inode->i_count <= 0 || inode->i_count == 0x6b6b6b6b) {
		/* a put too many, or a freed inode (kmalloc's poison): say
		 * so and leave it, rather than free it twice */
		printk("BUG: iput of inode %u with count %d\n", inode->i_ino,
		       inode->i_count);
		return;
	}
	if (--inode->i_count > 0)
		return;
	if (inode->i_nlink && inode->i_mapping && inode->i_mapping->nrpages) {
		keep_unused(inode);
		return;
	}
	if (!inode->i_nlink && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	destroy_inode(inode);
}

void mark_inode_dirty(struct inode *inode)
{
	if (inode->i_sb->s_op->write_inode)
		inode->i_sb->s_op->write_inode(inode);
}
