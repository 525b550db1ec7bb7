/* kernel/fs/pipe.c — pipes; Linux fs/pipe.c; ULK 19.1.
 * A ring buffer between two struct files. A reader sleeps while
 * the pipe is empty and writers remain; it then sees end-of-file. A
 * writer sleeps while it is full; writes of at most PIPE_BUF bytes are
 * never interleaved with others; with no reader left a write gets
 * SIGPIPE and -EPIPE. A signal ends a sleep (-ERESTARTSYS). F_SETPIPE_SZ
 * resizes the buffer (64 KiB at first, as Linux). poll sees
 * the read end readable when a read would not block, the write end
 * writable when PIPE_BUF bytes fit (Linux: a free page slot). */
#include "fdtable.h"
#include "poll.h"
#include "../lib/objstat.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include <asm/termios.h>
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define PIPE_ORDER	4	/* 65536 bytes at first, as Linux */
#define PIPE_MAX_ORDER	8	/* F_SETPIPE_SZ: 1 MiB, Linux's pipe-max-size */
#define PIPE_BUF	4096

struct pipe_inode_info {
	char *buf;
	u32 order;			/* the buffer is PAGE_SIZE << order */
	u32 head, tail;			/* bytes written / read, ever */
	u32 copying;			/* reads and writes inside a copy,
					   which may sleep on a page fault */
	u32 r_counter, w_counter;	/* FIFO opens for reading, writing,
					   ever (a waiting open's partner) */
	int readers, writers;
	struct wait_queue_head wait;
};

static struct super_block pipe_sb;	/* no disk: iput just frees */
static u32 pipe_ino;

static u32 pipe_used(struct pipe_inode_info *p)
{
	return p->head - p->tail;
}

static u32 pipe_size(struct pipe_inode_info *p)
{
	return PAGE_SIZE << p->order;
}

static long pipe_read(struct file *f, char *ubuf, u32 count,
		      loff_t *pos __unused)
{
	struct pipe_inode_info *p = f->f_inode->i_private;
	u32 done = 0;
	int err;

	if (!count)
		return 0;
	while (!pipe_used(p)) {
		if (!p->writers)
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event_interruptible(p->wait, pipe_used(p) || !p->writers,
					 err);
		if (err)
			return err;
	}
	p->copying++;
	while (done < count && pipe_used(p)) {
		u32 at = p->tail % pipe_size(p);
		u32 n = MIN(MIN(count - done, pipe_used(p)), pipe_size(p) - at);

		if (copy_to_user(ubuf + done, p->buf + at, n))
			break;
		p->tail += n;
		done += n;
	}
	p->copying--;
	wake_up(&p->wait);
	return done ? (long)done : -EFAULT;
}

/* pipe_wait_room — sleep until need bytes fit (or no reader is left). */
static int pipe_wait_room(struct file *f, struct pipe_inode_info *p, u32 need)
{
	int err;

	if (f->f_flags & O_NONBLOCK)
		return -EAGAIN;
	wait_event_interruptible(p->wait, pipe_size(p) - pipe_used(p) >= need ||
				 !p->readers, err);
	return err;
}

static long pipe_write(struct file *f, const char *ubuf, u32 count,
		       loff_t *pos __unused)
{
	struct pipe_inode_info *p = f->f_inode->i_private;
	siginfo_t info = { .si_signo = SIGPIPE, .si_code = SI_USER };
	u32 done = 0, need;
	int err;

	while (done < count) {
		if (!p->readers) {
			info.si_pid = current->tgid;
			info.si_uid = current->cred.uid;
			send_signal(SIGPIPE, &info, current, false);
			return done ? (long)done : -EPIPE;
		}
		/* up to PIPE_BUF bytes go in one piece, or not at all */
		need = count - done <= PIPE_BUF ? count - done : 1;
		if (pipe_size(p) - pipe_used(p) < need) {
			err = pipe_wait_room(f, p, need);
			if (err)
				return done ? (long)done : err;
			continue;
		}
		p->copying++;
		while (done < count && pipe_used(p) < pipe_size(p)) {
			u32 at = p->head % pipe_size(p);
			u32 n = MIN(MIN(count - done, pipe_size(p) - pipe_used(p)),
				    pipe_size(p) - at);

			if (copy_from_user(p->buf + at, ubuf + done, n)) {
				p->copying--;
				wake_up(&p->wait);
				return done ? (long)done : -EFAULT;
			}
			p->head += n;
			done += n;
		}
		p->copying--;
		wake_up(&p->wait);
	}
	return done;
}

/* alloc_pipe_info — a buffer and its wait queue, no end open yet. */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *p = kzalloc(sizeof(*p));
	struct page *buf = p ? alloc_pages(PIPE_ORDER) : NULL;

	if (!buf) {
		kfree(p);
		return NULL;
	}
	kobj_new(KOBJ_PIPE);
	p->buf = page_address(buf);
	p->order = PIPE_ORDER;
	init_waitqueue_head(&p->wait);
	return p;
}

static void free_pipe_info(struct pipe_inode_info *p)
{
	__free_pages(virt_to_page(p->buf), p->order);
	kobj_del(KOBJ_PIPE);
	kfree(p);
}

/* put_pipe_info — once no end is open, the buffer goes (a FIFO's inode
 * stays on the disk, empty). */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *p)
{
	if (p->readers || p->writers)
		return;
	free_pipe_info(p);
	inode->i_private = NULL;
}

/* pipe_release — one end closed; the last close frees the buffer. */
static void pipe_release(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *p = inode->i_private;

	if (f->f_mode & FMODE_READ)
		p->readers--;
	if (f->f_mode & FMODE_WRITE)
		p->writers--;
	wake_up(&p->wait);
	put_pipe_info(inode, p);
}

/* pipe_poll — Linux pipe_poll: data or no writer left wakes a reader
 * (POLLHUP says which); room, or no reader left (POLLERR: a write would
 * fail at once), a writer. */
static u32 pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe_inode_info *p = f->f_inode->i_private;
	u32 mask = 0;

	poll_wait(f, &p->wait, pt);
	if (f->f_mode & FMODE_READ) {
		if (pipe_used(p))
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers)
			mask |= POLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (pipe_size(p) - pipe_used(p) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	return mask;
}

static const struct file_operations pipe_fops;

/* resize — the buffer becomes PAGE_SIZE << order, the bytes in order at
 * its start; once no read or write is inside a copy into the old one. */
static long resize(struct pipe_inode_info *p, u32 order)
{
	u32 used = pipe_used(p), at = p->tail % pipe_size(p);
	u32 first = MIN(used, pipe_size(p) - at);
	struct page *pg;
	int err;

	wait_event_interruptible(p->wait, !p->copying, err);
	if (err)
		return err;
	if (used > (PAGE_SIZE << order))
		return -EBUSY;
	if (!(pg = alloc_pages(order)))
		return -ENOMEM;
	memcpy(page_address(pg), p->buf + at, first);
	memcpy((char *)page_address(pg) + first, p->buf, used - first);
	__free_pages(virt_to_page(p->buf), p->order);
	p->buf = page_address(pg);
	p->order = order;
	p->tail = 0;
	p->head = used;
	wake_up(&p->wait);
	return 0;
}

/* pipe_fcntl — F_GETPIPE_SZ and F_SETPIPE_SZ (Linux pipe_fcntl,
 * pipe_set_size): the new size is a power of two of pages, at least the
 * one asked; more than 1 MiB (pipe-max-size) needs root (EPERM); fewer
 * bytes than the pipe holds, EBUSY. EBADF: not a pipe. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned int size)
{
	struct pipe_inode_info *p = f->f_inode->i_private;
	u32 order = 0;
	long err;

	if (f->f_op != &pipe_fops)	/* a FIFO's open file has them too */
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return pipe_size(p);
	if (size > (1u << 31))
		return -EINVAL;
	while ((PAGE_SIZE << order) < size)
		order++;
	if (order > PIPE_MAX_ORDER && order > p->order && !capable())
		return -EPERM;
	if (order >= MAX_ORDER)
		return -ENOMEM;	/* more than the allocator's largest block */
	err = order == p->order ? 0 : resize(p, order);
	return err ?: (long)pipe_size(p);
}

/* pipe_ioctl — FIONREAD: the bytes in the pipe. */
static long pipe_ioctl(struct file *f, u32 cmd, u32 arg)
{
	struct pipe_inode_info *p = f->f_inode->i_private;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user_u32(pipe_used(p), (u32 *)arg) ? -EFAULT : 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.ioctl = pipe_ioctl,
	.write = pipe_write,
	.release = pipe_release,
	.poll = pipe_poll,
};

static struct inode *pipe_inode(void)
{
	struct pipe_inode_info *p = alloc_pipe_info();
	struct inode *inode = p ? new_inode(&pipe_sb, ++pipe_ino) : NULL;

	if (!inode) {
		if (p)
			free_pipe_info(p);
		return NULL;
	}
	p->readers = p->writers = 1;
	inode->i_private = p;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_nlink = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	inode->i_fop = &pipe_fops;
	return inode;
}

/* --- FIFOs: pipes with a name ------------------------------------------ */

/* wait_for_partner — until *counter moves: the other end was opened. */
static int wait_for_partner(struct pipe_inode_info *p, u32 *counter)
{
	u32 seen = *counter;
	int err;

	wait_event_interruptible(p->wait, *counter != seen, err);
	return err;
}

/* fifo_open — Linux fifo_open: a reader waits for a writer and a writer
 * for a reader, unless O_NONBLOCK (a reader goes on; a writer is ENXIO)
 * or O_RDWR (both ends at once, as Linux allows). The first open makes
 * the pipe (in the inode's i_private), the last close frees it; the open
 * file then reads and writes as a pipe's end. */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *p = inode->i_private;
	bool nonblock = f->f_flags & O_NONBLOCK;
	int err = 0;

	if (!p && !(p = inode->i_private = alloc_pipe_info()))
		return -ENOMEM;
	if (f->f_mode & FMODE_READ) {
		p->readers++;
		p->r_counter++;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (!p->readers && nonblock)
			err = -ENXIO;
		p->writers++;
		p->w_counter++;
	}
	wake_up(&p->wait);
	if (!err && f->f_mode == FMODE_READ && !p->writers && !nonblock)
		err = wait_for_partner(p, &p->w_counter);
	if (!err && f->f_mode == FMODE_WRITE && !p->readers)
		err = wait_for_partner(p, &p->r_counter);
	if (err) {			/* this end never was */
		pipe_release(inode, f);
		return err;
	}
	f->f_op = &pipe_fops;
	return 0;
}

const struct file_operations fifo_fops = {
	.open = fifo_open,
};

/* pipe_files — the two ends; on failure nothing is left behind. */
static int pipe_files(u32 flags, struct file **r, struct file **w)
{
	struct inode *inode = pipe_inode();
	struct pipe_inode_info *p;

	if (!inode)
		return -ENFILE;
	p = inode->i_private;
	*r = alloc_file(inode, O_RDONLY | flags, &pipe_fops);
	*w = alloc_file(igrab(inode), O_WRONLY | flags, &pipe_fops);
	if (*r && *w)
		return 0;
	if (!*r)
		p->readers = 0;
	if (!*w)
		p->writers = 0;
	if (*r)
		fput(*r);	/* its release frees the pipe */
	else if (*w)
		fput(*w);
	else
		pipe_release(inode, &(struct file){ .f_mode = 0 });
	if (!*r)
		iput(inode);
	if (!*w)
		iput(inode);
	return -ENOMEM;		/* Linux: no inode is ENFILE, no file ENOMEM */
}

long sys_pipe2(int *ufds, u32 flags)
{
	struct file *r, *w;
	int fds[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = pipe_files(flags & O_NONBLOCK, &r, &w);
	if (err)
		return err;
	fds[0] = get_unused_fd(0);
	fds[1] = fds[0] < 0 ? -EMFILE : get_unused_fd(fds[0] + 1);
	err = fds[1] < 0 ? -EMFILE :
	      copy_to_user(ufds, fds, sizeof(fds)) ? -EFAULT : 0;
	if (err) {
		fput(r);
		fput(w);
		return err;
	}
	fd_install(fds[0], r, flags & O_CLOEXEC);
	fd_install(fds[1], w, flags & O_CLOEXEC);
	return 0;
}

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}
