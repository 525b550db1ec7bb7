/* kernel/fs/inode.c — the inode cache; Linux fs/inode.c (iget_locked,
 * iput, evict); ULK 12.2.2. An inode in use is in a hash by number, so
 * every user of a file shares one struct inode; when the last reference
 * goes, a file with no links left is deleted from the disk (evict) and
 * the struct is freed. Changes are written to the buffer cache at once
 * (mark_inode_dirty), so there is no dirty-inode list to flush. */
#include "fs.h"
#include "../lib/objstat.h"
#include "../lib/jiffies.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>

#define IHASH_SIZE	64

static struct list_head inode_hash[IHASH_SIZE];
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
	list_add(&inode->i_hash, bucket(ino));
	kobj_new(KOBJ_INODE);
	return inode;
}

static void destroy_inode(struct inode *inode)
{
	list_del(&inode->i_hash);
	kobj_del(KOBJ_INODE);
	kfree(inode);
}

/* iget — the inode ino of sb, from the cache or read from the disk;
 * ERR_PTR(-ENOMEM) or the read's error (Linux iget_locked + read). */
struct inode *iget(struct super_block *sb, u32 ino)
{
	struct inode *inode;
	int err;

	list_for_each_entry(inode, bucket(ino), i_hash)
		if (inode->i_ino == ino && inode->i_sb == sb)
			return igrab(inode);
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
	if (!inode || --inode->i_count > 0)
		return;
	if (!inode->i_nlink && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	destroy_inode(inode);
}

void mark_inode_dirty(struct inode *inode)
{
	if (inode->i_sb->s_op->write_inode)
		inode->i_sb->s_op->write_inode(inode);
}
