/* kernel/fs/file_table.c — open file descriptions; Linux fs/file_table.c;
 * ULK 12.2.3. A struct file is what an fd points at: several fds (dup,
 * fork) may share one, and with it the offset and the flags. */
#include "fs.h"
#include "../lib/objstat.h"
#include "../mm/kmalloc.h"

struct file *alloc_file(struct inode *inode, u32 flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_flags = flags;
	f->f_mode = ((flags & O_ACCMODE) != O_WRONLY ? FMODE_READ : 0) |
		    ((flags & O_ACCMODE) != O_RDONLY ? FMODE_WRITE : 0);
	f->f_inode = inode;
	f->f_op = fop;
	kobj_new(KOBJ_FILE);
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* fput — the last close: tell the file (pipes, ttys), drop the inode. */
void fput(struct file *f)
{
	if (--f->f_count > 0)
		return;
	locks_remove_file(f);
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	iput(f->f_inode);
	kfree(f->f_path);
	kobj_del(KOBJ_FILE);
	kfree(f);
}
