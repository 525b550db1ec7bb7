/* kernel/fs/sync.c — getting dirty blocks to the disk: sync, fsync,
 * fdatasync, and the flusher thread; Linux fs/sync.c, fs/fs-writeback.c
 * (wb_workfn) and mm/page-writeback.c (dirty_expire_interval); ULK 15.3
 * "Writing Dirty Pages to Disk" (pdflush, wb_kupdate).
 *
 * A write only dirties a buffer in the block cache. Without more, a
 * machine switched off without warning (QEMU's Ctrl-A x, a killed QEMU)
 * would lose everything since the last sync. So a kernel thread, pdflush
 * (pid 2), wakes every DIRTY_WRITEBACK_TICKS and, once the oldest dirty
 * buffer is dirty_expire seconds old, writes back everything dirty.
 *
 * Linux's defaults are 5 s and 30 s (dirty_writeback_centisecs,
 * dirty_expire_centisecs). clonix uses 1 s and 5 s: a student leaves QEMU
 * seconds after typing, and the disk is small. dirty_expire=N on the
 * command line changes the 5 s; dirty_expire=0 turns the flusher off, to
 * see what it saves.
 *
 * It writes all dirty buffers, not only the expired ones: ext2 has no
 * journal, and a full writeback leaves the disk image consistent
 * (e2fsck-clean) at each flush. That holds because file system code never sleeps half-way
 * through an update on this uniprocessor: the flusher runs between
 * whole system calls. */
#include "fdtable.h"
#include "../lib/jiffies.h"
#include "../lib/printk.h"
#include "../lib/trace.h"
#include "../lib/cmdline.h"
#include "../lib/panic.h"
#include "../mm/pagemap.h"
#include "../task/sched.h"
#include "../task/waitqueue.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define DIRTY_WRITEBACK_TICKS	(1 * HZ)

/* do_sync — every dirty page of the page cache into the block cache,
 * then the super block's counts and every dirty buffer to disk. */
int do_sync(void)
{
	int err;

	if (!root_sb)
		return 0;
	err = write_back_mappings();
	root_sb->s_op->sync_fs(root_sb);
	return sync_buffers() ?: err;
}

long sys_sync(void)
{
	do_sync();
	return 0;
}

/* vfs_fsync — one file's data and inode to the disk: Linux gives EINVAL
 * for files that cannot be synced (pipes, terminals, /dev/null). */
int vfs_fsync(struct file *f, bool datasync)
{
	return f->f_op && f->f_op->fsync ? f->f_op->fsync(f->f_inode, datasync) :
	       -EINVAL;
}

static long do_fsync(unsigned int fd, bool datasync)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = vfs_fsync(f, datasync);
	fput(f);
	return err;
}

long sys_fsync(unsigned int fd)
{
	return do_fsync(fd, false);
}

long sys_fdatasync(unsigned int fd)
{
	return do_fsync(fd, true);
}

/* wb_kupdate — one round: write back if a buffer has expired. */
static void wb_kupdate(void)
{
	u64 oldest = oldest_dirty_tick(), pages = oldest_dirty_mapping();
	unsigned long np;
	int n;

	if (pages && (!oldest || pages < oldest))
		oldest = pages;
	if (!kparams.dirty_expire || !oldest ||
	    get_jiffies_64() - oldest < kparams.dirty_expire * HZ)
		return;
	np = nr_dirty_pages();
	write_back_mappings();		/* pages into buffers: counted next */
	n = nr_dirty_buffers();
	if (do_sync())
		printk("pdflush: writeback failed\n");
	trace(sync, "pdflush: %lu dirty pages, %d dirty buffers written back",
	      np, n);
}

static int pdflush(void *unused __unused)
{
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		schedule_timeout(DIRTY_WRITEBACK_TICKS);
		wb_kupdate();
	}
	return 0;
}

/* writeback_init — start the flusher (kmain, after init: pid 2). */
void writeback_init(void)
{
	if (kernel_thread(pdflush, NULL, "pdflush") < 0)
		panic("cannot create the flusher thread");
}
