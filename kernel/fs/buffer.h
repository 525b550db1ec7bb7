/* kernel/fs/buffer.h — the block cache (buffer heads). */
#ifndef CLONIX_BUFFER_H
#define CLONIX_BUFFER_H

#include "../lib/kernel.h"
#include "../lib/list.h"

struct buffer_head {
	u32 b_blocknr;
	char *b_data;			/* b_size bytes */
	int b_count;			/* users; 0: may be reused */
	bool b_uptodate;		/* b_data holds the disk's block */
	bool b_dirty;			/* b_data is newer than the disk */
	u64 b_dirtied;			/* the tick it became dirty */
	struct list_head b_lru;		/* all buffers, least recent first */
};

int set_blocksize(u32 size);
u32 block_size(void);
struct buffer_head *bread(u32 block);
struct buffer_head *getblk(u32 block);
void brelse(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);
int sync_buffers(void);
int blkdev_issue_flush(void);
int sync_block(u32 block);
int sync_dirty_buffer(struct buffer_head *bh);
int nr_buffers(void);
int nr_dirty_buffers(void);
u64 oldest_dirty_tick(void);
unsigned long buffer_cache_bytes(void);

#endif
