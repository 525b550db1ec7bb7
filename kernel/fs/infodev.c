/* kernel/fs/infodev.c — the kernel's tables as text, a /proc in
 * miniature (character major 240, Linux's range for local use):
 *	240,0 /dev/tasks	PID TGID PPID STATE objects COMMAND, a task a line
 *	240,1 /dev/kstat	the object counters: "name alive created
 *				destroyed cached" (lib/objstat.c), then
 *				"name value" lines: caches and task counts
 *	240,2 /dev/fail-nth	Linux's /proc/thread-self/fail-nth: write N
 *				and the caller's N-th allocation from now on
 *				fails (fault injection); reads what is left
 * Each read renders the whole text and returns the part at the offset. */
#include "fs.h"
#include "buffer.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../mm/pagemap.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include <asm/errno.h>

#define INFO_MAX	16384

static int render_fail_nth(char *buf, int size)
{
	return snprintf(buf, size, "%d\n", current->fail_nth);
}

/* render_kstat — the object table, then values that are not expected to
 * balance around a program. */
static int render_kstat(char *buf, int size)
{
	int len = kobj_render(buf, size);

	len += snprintf(buf + len, size - len,
			"buffers %d\ndirty_buffers %d\ncache_pages %lu\n"
			"dirty_pages %lu\nfree_frames %lu\n"
			"threads %lu\nthreads_max %lu\n", nr_buffers(),
			nr_dirty_buffers(), nr_cache_pages(), nr_dirty_pages(),
			nr_free_pages(), nr_tasks(), max_threads);
	return MIN(len, size - 1);
}

static int (*const render[])(char *buf, int size) = {
	render_tasks, render_kstat, render_fail_nth,
};

static long info_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	char *buf = kmalloc(INFO_MAX);
	long r;
	int len;

	if (!buf)
		return -ENOMEM;
	len = render[(unsigned long)f->private_data](buf, INFO_MAX);
	r = simple_read_from_buffer(ubuf, count, pos, buf,
				    MIN(len, INFO_MAX - 1));
	kfree(buf);
	return r;
}

/* fail_nth_write — a decimal number; 0 disarms (Linux proc_fail_nth_write:
 * anything else is EINVAL). */
static long fail_nth_write(struct file *f __unused, const char *ubuf,
			   u32 count, loff_t *pos __unused)
{
	char num[12];
	u32 n = MIN(count, sizeof(num) - 1);
	long v = 0;
	u32 i = 0;

	if (copy_from_user(num, ubuf, n))
		return -EFAULT;
	for (; i < n && num[i] >= '0' && num[i] <= '9' && v < 100000000; i++)
		v = v * 10 + (num[i] - '0');
	if (!i || (i < n && num[i] != '\n'))
		return -EINVAL;
	current->fail_nth = v;
	return count;
}

static const struct file_operations info_fops = {
	.read = info_read,
};

static const struct file_operations fail_nth_fops = {
	.read = info_read,
	.write = fail_nth_write,
};

int info_open(struct inode *inode, struct file *f)
{
	unsigned long minor = inode->i_rdev & 0xFF;

	if (minor >= ARRAY_SIZE(render))
		return -ENXIO;
	f->f_op = minor == 2 ? &fail_nth_fops : &info_fops;
	f->private_data = (void *)minor;
	return 0;
}
