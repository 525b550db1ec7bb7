/* kernel/fs/infodev.c — /dev/tasks and /dev/kstat: the kernel's tables
 * as text, for ps and for leak checks (a /proc in miniature; character
 * major 240, Linux's range for local use).
 *	/dev/tasks	PID TGID PPID STATE COMMAND, one task a line
 *	/dev/kstat	"name value" lines: objects alive and memory in use
 * Each read renders the whole text and returns the part at the offset. */
#include "fs.h"
#include "../lib/printk.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include <asm/errno.h>

#define INFO_MAX	16384

static int render_kstat(char *buf, int size)
{
	unsigned long heap = kmalloc_bytes_in_use() - buffer_cache_bytes();
	unsigned long frames = totalram_pages() - nr_free_pages() -
			       kmalloc_pages();

	return snprintf(buf, size,
			"tasks %lu\nfiles %d\ninodes %d\nbuffers %d\n"
			"heap_bytes %lu\nframes %lu\nfree_frames %lu\n",
			nr_tasks(), nr_files(), nr_inodes(), nr_buffers(),
			heap, frames, nr_free_pages());
}

static long info_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	char *buf = kmalloc(INFO_MAX);
	int len;

	if (!buf)
		return -ENOMEM;
	len = f->private_data ? render_kstat(buf, INFO_MAX) :
	      render_tasks(buf, INFO_MAX);
	len = MIN(len, INFO_MAX - 1);
	if (*pos >= len) {
		kfree(buf);
		return 0;
	}
	count = MIN(count, (u32)(len - *pos));
	if (copy_to_user(ubuf, buf + *pos, count)) {
		kfree(buf);
		return -EFAULT;
	}
	kfree(buf);
	*pos += count;
	return count;
}

const struct file_operations info_fops = {
	.read = info_read,
};

/* info_open — minor 0 is /dev/tasks, minor 1 /dev/kstat. */
int info_open(struct inode *inode, struct file *f)
{
	if ((inode->i_rdev & 0xFF) > 1)
		return -ENXIO;
	f->f_op = &info_fops;
	f->private_data = (void *)(inode->i_rdev & 0xFF);
	return 0;
}
