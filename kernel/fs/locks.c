/* kernel/fs/locks.c — advisory file locks; Linux fs/locks.c, reduced.
 *
 * Three kinds, all in one list per inode (inode->i_flock):
 * - POSIX record locks (fcntl F_SETLK, F_SETLKW, F_GETLK): byte ranges
 *   owned by the process's descriptor table (its files_struct, so
 *   CLONE_FILES threads share them, and a fork child owns none). Closing
 *   *any* descriptor of the file drops all the owner's locks on it.
 * - Open file description locks (F_OFD_*): the same ranges, owned by the
 *   struct file, so they go with its last close; they and POSIX locks
 *   conflict whenever their owners differ.
 * - flock(2) locks: the whole file, owned by the struct file; they never
 *   meet the other two kinds.
 * Read (shared) locks conflict only with write (exclusive) ones. A
 * waiter (F_SETLKW, flock without LOCK_NB) sleeps on one wait queue and
 * looks again after any unlock; a POSIX waiter that would close a cycle
 * of waiting owners gets EDEADLK instead (Linux posix_locks_deadlock).
 * An owner's new POSIX range merges with its adjacent ranges of the same
 * type and cuts into its ranges of the other type; F_UNLCK cuts too. */
#include "fdtable.h"
#include "../mm/kmalloc.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../task/signal.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define OFFSET_MAX	0x7fffffffffffffffLL
#define OFFT_MAX	0x7fffffffL	/* struct flock's 32-bit offsets */
#define MAX_DEADLK_ITERATIONS	10

enum lock_kind { FL_POSIX, FL_OFD, FL_FLOCK };

struct file_lock {
	struct list_head link;		/* in the inode's i_flock */
	const void *owner;		/* files_struct or struct file */
	pid_t pid;			/* what F_GETLK reports */
	u8 kind, type;			/* enum lock_kind; F_RDLCK/F_WRLCK */
	loff_t start, end;		/* bytes start..end, end included */
};

/* a POSIX locker asleep, and whose lock it waits behind */
struct lock_waiter {
	struct list_head link;
	const void *owner, *blocker;
};

static DECLARE_WAIT_QUEUE_HEAD(lock_wait);
static LIST_HEAD(waiters);

static bool overlap(const struct file_lock *a, const struct file_lock *b)
{
	return a->start <= b->end && b->start <= a->end;
}

/* conflicts — does existing lock l keep request r from being granted? */
static bool conflicts(const struct file_lock *l, const struct file_lock *r)
{
	if ((l->kind == FL_FLOCK) != (r->kind == FL_FLOCK))
		return false;
	if (l->owner == r->owner)
		return false;
	if (l->type != F_WRLCK && r->type != F_WRLCK)
		return false;
	return r->kind == FL_FLOCK || overlap(l, r);
}

static struct file_lock *first_conflict(struct inode *inode,
					const struct file_lock *r)
{
	struct file_lock *l;

	list_for_each_entry(l, &inode->i_flock, link)
		if (conflicts(l, r))
			return l;
	return NULL;
}

/* deadlock — would r's owner, waiting behind `blocker`, close a cycle?
 * Follow who waits for whom, as Linux does, a few steps deep. */
static bool deadlock(const void *owner, const void *blocker)
{
	for (int i = 0; i < MAX_DEADLK_ITERATIONS; i++) {
		struct lock_waiter *w;
		const void *next = NULL;

		if (blocker == owner)
			return true;
		list_for_each_entry(w, &waiters, link)
			if (w->owner == blocker)
				next = w->blocker;
		if (!next)
			return false;
		blocker = next;
	}
	return false;
}

static struct file_lock *new_lock(const struct file_lock *model)
{
	struct file_lock *l = kmalloc(sizeof(*l));

	if (l)
		*l = *model;
	return l;
}

/* set_range — the owner's ranges after request r (a lock or F_UNLCK):
 * same-type neighbours merge into r, other ranges lose what r covers.
 * A range cut in two needs one more struct, allocated before anything
 * changes, so a failure (ENOLCK) leaves the locks as they were. */
static int set_range(struct inode *inode, struct file_lock r)
{
	struct file_lock *l, *tmp, *spare = new_lock(&r), *piece = new_lock(&r);
	int err = spare && piece ? 0 : -ENOLCK;

	list_for_each_entry_safe(l, tmp, &inode->i_flock, link) {
		/* a flock lock and an OFD lock of one open file share their
		 * owner, and never touch each other */
		if (err || l->owner != r.owner ||
		    (l->kind == FL_FLOCK) != (r.kind == FL_FLOCK))
			continue;
		if (l->type == r.type && l->start <= r.end + (r.end < OFFSET_MAX) &&
		    r.start <= l->end + (l->end < OFFSET_MAX)) {
			r.start = MIN(r.start, l->start);	/* merge */
			r.end = MAX(r.end, l->end);
		} else if (!overlap(l, &r)) {
			continue;
		} else if (l->start < r.start && l->end > r.end) {
			*piece = *l;				/* split */
			piece->start = r.end + 1;
			list_add(&piece->link, &l->link);
			piece = NULL;
			l->end = r.start - 1;
			continue;
		} else if (l->start < r.start) {
			l->end = r.start - 1;
			continue;
		} else if (l->end > r.end) {
			l->start = r.end + 1;
			continue;
		}
		list_del(&l->link);
		kfree(l);
	}
	if (!err && r.type != F_UNLCK) {
		*spare = r;
		list_add_tail(&spare->link, &inode->i_flock);
		spare = NULL;
	}
	kfree(spare);
	kfree(piece);
	wake_up(&lock_wait);
	return err;
}

/* lock_file — grant r (or unlock), sleeping while another owner's lock
 * is in the way if wait; EAGAIN without waiting, EDEADLK for a cycle,
 * -ERESTARTSYS for a signal. */
static int lock_file(struct inode *inode, const struct file_lock *r, bool wait)
{
	struct lock_waiter me = { .owner = r->owner };
	struct wait_queue_entry w = { current, { NULL, NULL } };
	struct file_lock *l;
	int err = 0;

	if (r->type == F_UNLCK)
		return set_range(inode, *r);
	list_add(&me.link, &waiters);
	for (;;) {
		prepare_to_wait(&lock_wait, &w, TASK_INTERRUPTIBLE);
		if (!(l = first_conflict(inode, r)))
			break;
		if (!wait)
			err = -EAGAIN;
		else if (r->kind == FL_POSIX && deadlock(r->owner, l->owner))
			err = -EDEADLK;
		else if (signal_pending(current))
			err = -ERESTARTSYS;
		if (err)
			break;
		me.blocker = l->owner;
		schedule();
	}
	finish_wait(&lock_wait, &w);
	list_del(&me.link);
	return err ?: set_range(inode, *r);
}

/* --- fcntl's record locks --------------------------------------------- */

/* to_range — a struct flock's whence, start and length as bytes
 * start..end of f (Linux flock_to_posix_lock): EINVAL before byte 0. */
static int to_range(struct file *f, int whence, loff_t start, loff_t len,
		    struct file_lock *r)
{
	switch (whence) {
	case 0:					/* SEEK_SET */
		break;
	case 1:					/* SEEK_CUR */
		start += f->f_pos;
		break;
	case 2:					/* SEEK_END */
		start += f->f_inode->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (start < 0)
		return -EINVAL;
	if (len > 0) {
		if (len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		r->start = start;
		r->end = start + len - 1;
	} else if (len < 0) {
		if (start + len < 0)
			return -EINVAL;
		r->start = start + len;
		r->end = start - 1;
	} else {
		r->start = start;
		r->end = OFFSET_MAX;
	}
	return 0;
}

/* get_flock — either user layout in, as a request of f's caller */
static int get_flock(struct file *f, unsigned int cmd, const void *uarg,
		     bool wide, struct file_lock *r)
{
	struct flock64 fl;
	bool ofd = cmd >= F_OFD_GETLK && cmd <= F_OFD_SETLKW;

	if (wide) {
		if (copy_from_user(&fl, uarg, sizeof(fl)))
			return -EFAULT;
	} else {
		struct flock f32;

		if (copy_from_user(&f32, uarg, sizeof(f32)))
			return -EFAULT;
		fl = (struct flock64){ f32.l_type, f32.l_whence, f32.l_start,
				       f32.l_len, f32.l_pid };
	}
	if (ofd && fl.l_pid)
		return -EINVAL;		/* OFD requests must say pid 0 */
	if (fl.l_type != F_RDLCK && fl.l_type != F_WRLCK &&
	    fl.l_type != F_UNLCK)
		return -EINVAL;
	*r = (struct file_lock){ .kind = ofd ? FL_OFD : FL_POSIX,
				 .type = fl.l_type,
				 .owner = ofd ? (void *)f : current->files,
				 .pid = ofd ? -1 : current->tgid };
	return to_range(f, fl.l_whence, fl.l_start, fl.l_len, r);
}

/* put_flock — F_GETLK's answer: the lock in the way, or F_UNLCK. */
static int put_flock(const struct file_lock *l, void *uarg, bool wide)
{
	struct flock64 fl = { F_UNLCK, 0, 0, 0, 0 };
	struct flock f32;

	if (l)
		fl = (struct flock64){ l->type, 0, l->start,
				       l->end == OFFSET_MAX ? 0 :
				       l->end - l->start + 1, l->pid };
	if (wide)
		return copy_to_user(uarg, &fl, sizeof(fl)) ? -EFAULT : 0;
	if (l && (l->start > OFFT_MAX ||
		  (l->end != OFFSET_MAX && l->end > OFFT_MAX)))
		return -EOVERFLOW;
	f32 = (struct flock){ fl.l_type, 0, fl.l_start, fl.l_len, fl.l_pid };
	return copy_to_user(uarg, &f32, sizeof(f32)) ? -EFAULT : 0;
}

/* fcntl_lock — F_GETLK, F_SETLK, F_SETLKW, their 64-bit and OFD forms
 * (wide: struct flock64). Linux's checks: the structure, then a lock the
 * descriptor may not take (EBADF: a read lock needs it open for reading,
 * a write lock for writing). */
long fcntl_lock(struct file *f, unsigned int cmd, void *uarg, bool wide)
{
	struct file_lock r;
	int err = get_flock(f, cmd, uarg, wide, &r);
	bool get = cmd == F_GETLK || cmd == F_GETLK64 || cmd == F_OFD_GETLK;
	bool wait = cmd == F_SETLKW || cmd == F_SETLKW64 || cmd == F_OFD_SETLKW;

	if (err)
		return err;
	if (get) {
		if (r.type == F_UNLCK)
			return -EINVAL;
		return put_flock(first_conflict(f->f_inode, &r), uarg, wide);
	}
	if ((r.type == F_RDLCK && !(f->f_mode & FMODE_READ)) ||
	    (r.type == F_WRLCK && !(f->f_mode & FMODE_WRITE)))
		return -EBADF;
	return lock_file(f->f_inode, &r, wait);
}

/* remove_where — owner's locks of a kind (-1: every kind) on inode go,
 * and their waiters look again. */
static void remove_where(struct inode *inode, const void *owner, int kind)
{
	struct file_lock *l, *tmp;
	bool any = false;

	list_for_each_entry_safe(l, tmp, &inode->i_flock, link)
		if (l->owner == owner && (kind < 0 || l->kind == kind)) {
			list_del(&l->link);
			kfree(l);
			any = true;
		}
	if (any)
		wake_up(&lock_wait);
}

/* --- flock(2) ----------------------------------------------------------- */

long sys_flock(unsigned int fd, unsigned int op)
{
	struct file *f = fget(fd);
	struct file_lock r = { .kind = FL_FLOCK, .start = 0, .end = OFFSET_MAX };
	long err;

	if (!f)
		return -EBADF;
	r.owner = f;
	r.pid = current->tgid;
	switch (op & ~LOCK_NB) {
	case LOCK_SH:
		r.type = F_RDLCK;
		break;
	case LOCK_EX:
		r.type = F_WRLCK;
		break;
	case LOCK_UN:
		r.type = F_UNLCK;
		break;
	default:
		fput(f);
		return -EINVAL;
	}
	/* a conversion drops the old lock first, as Linux's flock does */
	remove_where(f->f_inode, f, FL_FLOCK);
	err = r.type == F_UNLCK ? 0 : lock_file(f->f_inode, &r, !(op & LOCK_NB));
	fput(f);
	return err;		/* EAGAIN is EWOULDBLOCK */
}

/* --- when files close ---------------------------------------------------- */

/* locks_remove_posix — a descriptor of f closes: every POSIX lock its
 * owner (the table it was in) holds on the file goes, whatever
 * descriptor set it (POSIX: the first close drops them all). */
void locks_remove_posix(struct file *f, struct files_struct *owner)
{
	if (!list_empty(&f->f_inode->i_flock))
		remove_where(f->f_inode, owner, FL_POSIX);
}

/* locks_remove_file — the last close of f: its OFD and flock locks. */
void locks_remove_file(struct file *f)
{
	if (!list_empty(&f->f_inode->i_flock))
		remove_where(f->f_inode, f, -1);
}
