/* kernel/fs/readdir.c — getdents64; Linux fs/readdir.c (filldir64). */
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

struct getdents_ctx {
	struct dir_context ctx;
	char *ubuf;
	u32 left;
	u32 used;
	int error;
};

/* ext2 file types to d_type values */
static const u8 ft_to_dt[8] = { DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK,
				DT_FIFO, DT_SOCK, DT_LNK };

static bool filldir64(struct dir_context *ctx, const char *name, u32 len,
		      loff_t next, u32 ino, u8 type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	u32 reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + len + 1,
			      8u);
	char rec[offsetof(struct linux_dirent64, d_name) + NAME_MAX + 9];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

	if (reclen > g->left) {
		g->error = g->used ? 0 : -EINVAL;	/* buffer too small */
		return false;
	}
	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = next;
	d->d_reclen = reclen;
	d->d_type = type < 8 ? ft_to_dt[type] : DT_UNKNOWN;
	memcpy(d->d_name, name, len);
	if (copy_to_user(g->ubuf + g->used, rec, reclen)) {
		g->error = -EFAULT;
		return false;
	}
	g->used += reclen;
	g->left -= reclen;
	return true;
}

static long iterate_dir(struct file *f, void *ubuf, u32 count)
{
	struct getdents_ctx g = { { filldir64, 0 }, ubuf, count, 0, 0 };
	int err;

	if (!f->f_op || !f->f_op->readdir)
		return -ENOTDIR;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	g.ctx.pos = f->f_pos;
	err = f->f_op->readdir(f, &g.ctx);
	f->f_pos = g.ctx.pos;
	if (err)
		return err;
	return g.error ? g.error : (long)g.used;
}

long sys_getdents64(unsigned int fd, void *ubuf, u32 count)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = iterate_dir(f, ubuf, count);
	fput(f);
	return r;
}
