/* kernel/lib/objstat.c — the object counters' table (see objstat.h). */
#include "objstat.h"
#include "printk.h"
#include "../fs/buffer.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../task/sched.h"

struct kobj_count kobj_counts[NR_KOBJ];

static const char *const kobj_names[NR_KOBJ] = {
	[KOBJ_TASK] = "task",		[KOBJ_MM] = "mm",
	[KOBJ_VMA] = "vma",		[KOBJ_FILES] = "files",
	[KOBJ_FS] = "fs",		[KOBJ_SIGHAND] = "sighand",
	[KOBJ_SIGNAL] = "signal",	[KOBJ_SIGQUEUE] = "sigqueue",
	[KOBJ_FILE] = "file",		[KOBJ_INODE] = "inode",
	[KOBJ_PIPE] = "pipe",		[KOBJ_SHMEM] = "shmem",
	[KOBJ_FRAME] = "frames",	[KOBJ_KMALLOC] = "kmalloc_bytes",
};

/* kobj_alive — created minus destroyed, less what caches keep on purpose:
 * the block cache's buffers (in kmalloc bytes) and kmalloc's own slab and
 * large-block pages (in frames; they are counted as kmalloc bytes). */
unsigned long kobj_alive(enum kobj k)
{
	unsigned long n = kobj_counts[k].created - kobj_counts[k].destroyed;

	if (k == KOBJ_KMALLOC)
		n -= buffer_cache_bytes();
	if (k == KOBJ_FRAME)
		n -= kmalloc_pages();
	return n;
}

/* kobj_render — "name alive created destroyed" lines, then lines of two
 * fields that are not expected to balance. Returns the length. */
int kobj_render(char *buf, int size)
{
	int len = snprintf(buf, size, "# object alive created destroyed\n");

	for (int k = 0; k < NR_KOBJ && len < size; k++)
		len += snprintf(buf + len, size - len, "%s %lu %lu %lu\n",
				kobj_names[k], kobj_alive(k),
				kobj_counts[k].created, kobj_counts[k].destroyed);
	if (len < size)
		len += snprintf(buf + len, size - len,
				"buffers %d\ndirty_buffers %d\nfree_frames %lu\n"
				"threads %lu\nthreads_max %lu\n", nr_buffers(),
				nr_dirty_buffers(), nr_free_pages(), nr_tasks(),
				max_threads);
	return MIN(len, size - 1);
}

/* kobj_show — the table on the console (at power-off). */
void kobj_show(void)
{
	printk("objects: name alive created destroyed\n");
	for (int k = 0; k < NR_KOBJ; k++)
		printk("objects: %s %lu %lu %lu\n", kobj_names[k], kobj_alive(k),
		       kobj_counts[k].created, kobj_counts[k].destroyed);
}
