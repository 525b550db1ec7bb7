/* kernel/lib/objstat.c — the object counters' table (see objstat.h). */
#include "objstat.h"
#include "printk.h"

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

unsigned long kobj_alive(enum kobj k)
{
	return kobj_counts[k].created - kobj_counts[k].destroyed;
}

/* kobj_render — the header and a "name alive created destroyed cached"
 * line per kind. Returns the length. */
int kobj_render(char *buf, int size)
{
	int len = snprintf(buf, size,
			   "# object alive created destroyed cached\n");

	for (int k = 0; k < NR_KOBJ && len < size; k++)
		len += snprintf(buf + len, size - len, "%s %lu %lu %lu %lu\n",
				kobj_names[k], kobj_alive(k),
				kobj_counts[k].created, kobj_counts[k].destroyed,
				kobj_counts[k].cached);
	return MIN(len, size - 1);
}

/* kobj_show — the table on the console (at power-off). */
void kobj_show(void)
{
	printk("objects: name alive created destroyed cached\n");
	for (int k = 0; k < NR_KOBJ; k++)
		printk("objects: %s %lu %lu %lu %lu\n", kobj_names[k],
		       kobj_alive(k), kobj_counts[k].created,
		       kobj_counts[k].destroyed, kobj_counts[k].cached);
}
