/* kernel/fs/select.c — waiting on many descriptors at once: poll, ppoll,
 * select, pselect6 (and their time64 forms); Linux fs/select.c.
 *
 * One loop serves them all (do_poll, do_select). Each pass asks every
 * file ->poll what is true now. On the first pass of a call that may
 * sleep, each file also queues the caller on the wait queues that can
 * change its answer (poll_wait: the pipe's, the terminal's). If nothing
 * is ready the caller sleeps; a wake_up on any of those queues, a signal
 * or the deadline ends the sleep, and the next pass looks again. The
 * state is set to TASK_INTERRUPTIBLE *before* each pass, so a wake_up
 * that comes while the files are being asked is not lost: it only makes
 * the sleep return at once (the rule of kernel/task/waitqueue.h).
 * Every file the caller is queued on is held by a reference until the
 * call returns: a sibling thread may close the descriptor meanwhile.
 *
 * Time: a timeout of 0 asks once and never sleeps; none waits for ever.
 * select, pselect6 and ppoll write back the time that was left (Linux
 * does; POSIX leaves it open); poll instead restarts, after a stop, with
 * the time left (restart_syscall). A signal with a handler ends them all
 * with EINTR, SA_RESTART or not (ERESTARTNOHAND). pselect6 and ppoll
 * install their signal mask for the wait only; a signal that ends the
 * wait is delivered under it (kernel/task/signal_sys.c). */
#include "fdtable.h"
#include "poll.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "../task/time.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define FOREVER		(~0ULL)		/* a deadline never reached */

/* --- the wait queues a call is on ---------------------------------- */

struct poll_table_entry {
	struct file *filp;		/* held while queued */
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

struct poll_table_page {
	struct poll_table_page *next;
	u32 used;
	struct poll_table_entry entries[];
};

#define ENTRIES_PER_PAGE ((PAGE_SIZE - sizeof(struct poll_table_page)) / \
			  sizeof(struct poll_table_entry))

static struct poll_table_entry *poll_get_entry(struct poll_table *pt)
{
	struct poll_table_page *p = pt->pages;

	if (!p || p->used == ENTRIES_PER_PAGE) {
		struct page *pg = alloc_page();

		if (!pg)
			return NULL;
		p = page_address(pg);
		p->next = pt->pages;
		p->used = 0;
		pt->pages = p;
	}
	return &p->entries[p->used++];
}

/* poll_wait — queue the caller on wq (first pass only), holding f. */
void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table *pt)
{
	struct poll_table_entry *e;

	if (!pt || !pt->queue)
		return;
	e = poll_get_entry(pt);
	if (!e) {
		pt->error = -ENOMEM;
		return;
	}
	e->filp = get_file(f);
	e->wq = wq;
	e->wait = (struct wait_queue_entry){ current, { NULL, NULL } };
	add_wait_queue(wq, &e->wait);
}

/* poll_freewait — off every queue, and the files let go. */
static void poll_freewait(struct poll_table *pt)
{
	while (pt->pages) {
		struct poll_table_page *p = pt->pages;

		while (p->used) {
			struct poll_table_entry *e = &p->entries[--p->used];

			remove_wait_queue(e->wq, &e->wait);
			fput(e->filp);
		}
		pt->pages = p->next;
		__free_pages(virt_to_page(p), 0);
	}
}

/* --- deadlines ------------------------------------------------------ */

/* poll_deadline — the tick a timeout ends at: 0 for a zero timeout
 * (never sleep), FOREVER for none; EINVAL for a negative or malformed
 * time (Linux poll_select_set_timeout). */
static int poll_deadline(const struct timespec64 *ts, u64 *expires)
{
	if (!ts) {
		*expires = FOREVER;
		return 0;
	}
	if (!timespec64_valid(ts))
		return -EINVAL;
	*expires = ts->tv_sec || ts->tv_nsec ? deadline_after(ts) : 0;
	return 0;
}

/* poll_sleep — until a wake-up, a signal or the deadline. */
static void poll_sleep(u64 expires)
{
	u64 left = expires - get_jiffies_64();

	if (expires == FOREVER)
		schedule();
	else
		schedule_timeout(left > 0x7fffffff ? 0x7fffffff : (long)left);
}

/* time_left — what remains of the timeout *ts asked for, `start` the tick
 * the call began: never more than asked, never below zero. */
static struct timespec64 time_left(const struct timespec64 *ts, u64 start)
{
	u64 spent = (get_jiffies_64() - start) * NSEC_PER_TICK;
	u64 asked = (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	u64 left = spent < asked ? asked - spent : 0;

	return (struct timespec64){ left / NSEC_PER_SEC, left % NSEC_PER_SEC };
}

enum poll_time_type { PT_TIMEVAL, PT_OLD_TIMESPEC, PT_TIMESPEC };

/* poll_select_finish — the call's end (Linux's function of that name):
 * the temporary signal mask goes (unless a signal interrupted the wait);
 * the time left goes to *utime. A zero timeout is left as it was; a time
 * that cannot be written back is not an error of a call that worked. */
static long poll_select_finish(const struct timespec64 *ts, u64 start,
			       void *utime, enum poll_time_type type, long ret)
{
	struct timespec64 left;

	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!utime || (!ts->tv_sec && !ts->tv_nsec))
		return ret;
	left = time_left(ts, start);
	if (type == PT_TIMEVAL) {
		s32 tv[2] = { (s32)left.tv_sec, left.tv_nsec / NSEC_PER_USEC };

		if (!copy_to_user(utime, tv, sizeof(tv)))
			return ret;
	} else if (!put_timespec64(&left, utime, type == PT_TIMESPEC)) {
		return ret;
	}
	/* not written back: the wait cannot be restarted with the right time */
	return ret == -ERESTARTNOHAND ? -EINTR : ret;
}

/* --- poll ----------------------------------------------------------- */

/* do_pollfd — one pollfd's revents: what the file says, of what was asked
 * and POLLERR|POLLHUP (always reported); POLLNVAL for a descriptor that is
 * not open; nothing for a negative one (the slot is skipped). */
static u16 do_pollfd(const struct pollfd *pfd, struct poll_table *pt)
{
	u32 filter = (u16)pfd->events | POLLERR | POLLHUP, mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	f = fget(pfd->fd);
	if (!f)
		return POLLNVAL;
	mask = vfs_poll(f, pt) & filter;
	fput(f);
	return mask;
}

/* poll_loop — pass after pass until something is ready, the deadline, a
 * signal (-ERESTARTNOHAND) or an error; the count of ready things. A pass
 * stops queueing once one is ready: the call will not sleep. do_poll and
 * do_select are this loop with their own pass. */
static long poll_loop(long (*pass)(void *arg, struct poll_table *pt),
		      void *arg, u64 expires)
{
	struct poll_table pt = { .queue = expires != 0 };
	long count;

	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		count = pass(arg, &pt);
		pt.queue = false;
		if (!count && !(count = pt.error) && signal_pending(current))
			count = -ERESTARTNOHAND;
		if (count || get_jiffies_64() >= expires)
			break;
		poll_sleep(expires);
	}
	current->state = TASK_RUNNING;
	poll_freewait(&pt);
	return count;
}

struct poll_list {
	struct pollfd *fds;
	u32 nfds;
};

/* poll_pass — every pollfd asked once; the count with revents set. */
static long poll_pass(void *arg, struct poll_table *pt)
{
	struct poll_list *l = arg;
	long count = 0;

	for (u32 i = 0; i < l->nfds; i++) {
		l->fds[i].revents = do_pollfd(&l->fds[i], pt);
		if (l->fds[i].revents) {
			count++;
			pt->queue = false;
		}
	}
	return count;
}

/* do_sys_poll — the array in, the loop, each revents back out. More
 * entries than RLIMIT_NOFILE is EINVAL (Linux: no use for more). */
static long do_sys_poll(struct pollfd *ufds, u32 nfds, u64 expires)
{
	struct pollfd *fds = NULL;
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds && !(fds = kmalloc(nfds * sizeof(*fds))))
		return -ENOMEM;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	ret = poll_loop(poll_pass, &(struct poll_list){ fds, nfds }, expires);
	for (u32 i = 0; i < nfds; i++)
		if (copy_to_user(&ufds[i].revents, &fds[i].revents,
				 sizeof(fds[i].revents))) {
			ret = -EFAULT;
			break;
		}
	kfree(fds);
	return ret;
}

static long poll_restart(struct restart_block *rb);

/* poll_interrupted — a poll ended by a signal goes on after a stop (no
 * handler ran) to the same deadline, through restart_syscall. */
static long poll_interrupted(struct pollfd *ufds, u32 nfds, u64 expires,
			     long ret)
{
	if (ret != -ERESTARTNOHAND)
		return ret;
	current->restart_block = (struct restart_block){
		.fn = poll_restart, .expires = expires,
		.poll = { ufds, nfds } };
	return -ERESTART_RESTARTBLOCK;
}

static long poll_restart(struct restart_block *rb)
{
	struct pollfd *ufds = rb->poll.ufds;
	u32 nfds = rb->poll.nfds;
	u64 expires = rb->expires;

	return poll_interrupted(ufds, nfds, expires,
				do_sys_poll(ufds, nfds, expires));
}

/* sys_poll — timeout in milliseconds, negative: none. */
long sys_poll(struct pollfd *ufds, u32 nfds, int timeout_ms)
{
	struct timespec64 ts = { timeout_ms / MSEC_PER_SEC,
				 (timeout_ms % MSEC_PER_SEC) * NSEC_PER_MSEC };
	u64 expires;

	poll_deadline(timeout_ms < 0 ? NULL : &ts, &expires);
	return poll_interrupted(ufds, nfds, expires,
				do_sys_poll(ufds, nfds, expires));
}

static long do_ppoll(struct pollfd *ufds, u32 nfds, void *utime,
		     const u64 *umask, u32 masksize, bool time64)
{
	struct timespec64 ts = { 0, 0 };
	u64 expires, start = get_jiffies_64();
	long ret;

	if (utime && get_timespec64(&ts, utime, time64))
		return -EFAULT;
	if ((ret = poll_deadline(utime ? &ts : NULL, &expires)))
		return ret;
	if ((ret = set_user_sigmask(umask, masksize)))
		return ret;
	ret = do_sys_poll(ufds, nfds, expires);
	return poll_select_finish(&ts, start, utime,
				  time64 ? PT_TIMESPEC : PT_OLD_TIMESPEC, ret);
}

long sys_ppoll(struct pollfd *ufds, u32 nfds, void *utime, const u64 *umask,
	       u32 masksize)
{
	return do_ppoll(ufds, nfds, utime, umask, masksize, false);
}

long sys_ppoll_time64(struct pollfd *ufds, u32 nfds, void *utime,
		      const u64 *umask, u32 masksize)
{
	return do_ppoll(ufds, nfds, utime, umask, masksize, true);
}

/* --- select --------------------------------------------------------- */

/* select's readable, writable and exceptional sets, as poll bits */
#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

#define FDS_WORDS(n)	(((n) + 31) / 32)

/* fd_sets — the three sets asked about and the three answered, n bits
 * each (Linux fd_set_bits). */
struct fd_sets {
	u32 *in, *out, *ex, *res_in, *res_out, *res_ex;
};

/* get_fd_set — a user set in; NULL reads as empty. */
static int get_fd_set(u32 n, const u32 *uset, u32 *set)
{
	if (uset)
		return copy_from_user(set, uset, FDS_WORDS(n) * 4) ? -EFAULT : 0;
	memset(set, 0, FDS_WORDS(n) * 4);
	return 0;
}

static int put_fd_set(u32 n, u32 *uset, const u32 *set)
{
	if (uset)
		return copy_to_user(uset, set, FDS_WORDS(n) * 4) ? -EFAULT : 0;
	return 0;
}

/* max_select_fd — every descriptor asked about must be open (EBADF); one
 * past the highest, so the passes stop there. */
static long max_select_fd(u32 n, const struct fd_sets *s)
{
	u32 max = 0;

	for (u32 fd = 0; fd < n; fd++) {
		u32 bit = 1u << (fd % 32), w = fd / 32;

		if (!((s->in[w] | s->out[w] | s->ex[w]) & bit))
			continue;
		if (!fd_is_open(fd))
			return -EBADF;
		max = fd + 1;
	}
	return max;
}

struct select_args {
	u32 n;			/* one past the highest descriptor asked */
	struct fd_sets *s;
};

/* select_pass — every descriptor of the sets asked once; the number of
 * bits set in the answer (a descriptor both readable and writable counts
 * twice, as Linux counts). */
static long select_pass(void *arg, struct poll_table *pt)
{
	struct select_args *a = arg;
	struct fd_sets *s = a->s;
	long count = 0;

	for (u32 fd = 0; fd < a->n; fd++) {
		u32 bit = 1u << (fd % 32), w = fd / 32, mask;
		struct file *f;

		if (!((s->in[w] | s->out[w] | s->ex[w]) & bit))
			continue;
		f = fget(fd);
		if (!f)
			continue;	/* closed since: it is never ready */
		mask = vfs_poll(f, pt);
		fput(f);
		if ((mask & POLLIN_SET) && (s->in[w] & bit))
			s->res_in[w] |= bit, count++;
		if ((mask & POLLOUT_SET) && (s->out[w] & bit))
			s->res_out[w] |= bit, count++;
		if ((mask & POLLEX_SET) && (s->ex[w] & bit))
			s->res_ex[w] |= bit, count++;
		if (count)
			pt->queue = false;
	}
	return count;
}

/* do_select — the descriptors checked (EBADF), then poll_loop. */
static long do_select(u32 n, struct fd_sets *s, u64 expires)
{
	long max = max_select_fd(n, s);

	if (max < 0)
		return max;
	return poll_loop(select_pass, &(struct select_args){ max, s }, expires);
}

/* core_sys_select — the sets in, the wait, the answers out; n is cut to
 * the size of the descriptor table (Linux: its current size). */
static long core_sys_select(int n, u32 *inp, u32 *outp, u32 *exp,
			    u64 expires)
{
	struct fd_sets s;
	u32 words, *bits;
	long ret;

	if (n < 0)
		return -EINVAL;
	if ((u32)n > NR_OPEN_DEFAULT)
		n = NR_OPEN_DEFAULT;
	words = FDS_WORDS(n);
	bits = kzalloc(6 * words * 4 + 4);
	if (!bits)
		return -ENOMEM;
	s = (struct fd_sets){ bits, bits + words, bits + 2 * words,
			      bits + 3 * words, bits + 4 * words,
			      bits + 5 * words };
	ret = get_fd_set(n, inp, s.in);
	if (!ret)
		ret = get_fd_set(n, outp, s.out);
	if (!ret)
		ret = get_fd_set(n, exp, s.ex);
	if (!ret)
		ret = do_select(n, &s, expires);
	if (ret >= 0 && (put_fd_set(n, inp, s.res_in) ||
			 put_fd_set(n, outp, s.res_out) ||
			 put_fd_set(n, exp, s.res_ex)))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}

/* kern_select — select(2): a struct timeval, its microseconds folded
 * into seconds first (Linux does; a negative one is EINVAL). */
static long kern_select(int n, u32 *inp, u32 *outp, u32 *exp, s32 *utv)
{
	struct timespec64 ts = { 0, 0 };
	u64 expires, start = get_jiffies_64();
	s32 tv[2];
	long ret;

	if (utv) {
		if (copy_from_user(tv, utv, sizeof(tv)))
			return -EFAULT;
		ts.tv_sec = (s64)tv[0] + tv[1] / USEC_PER_SEC;
		ts.tv_nsec = (tv[1] % USEC_PER_SEC) * NSEC_PER_USEC;
	}
	if ((ret = poll_deadline(utv ? &ts : NULL, &expires)))
		return ret;
	ret = core_sys_select(n, inp, outp, exp, expires);
	return poll_select_finish(&ts, start, utv, PT_TIMEVAL, ret);
}

long sys_select(int n, u32 *inp, u32 *outp, u32 *exp, s32 *utv)
{
	return kern_select(n, inp, outp, exp, utv);
}

/* sys_old_select — i386's first select (82): the five arguments in a
 * block of user memory. */
long sys_old_select(const u32 *uargs)
{
	u32 a[5];

	if (copy_from_user(a, uargs, sizeof(a)))
		return -EFAULT;
	return kern_select(a[0], (u32 *)a[1], (u32 *)a[2], (u32 *)a[3],
			   (s32 *)a[4]);
}

/* do_pselect — the sixth argument points at { sigset pointer, its size }. */
static long do_pselect(int n, u32 *inp, u32 *outp, u32 *exp, void *utime,
		       const u32 *usig, bool time64)
{
	struct timespec64 ts = { 0, 0 };
	u64 expires, start = get_jiffies_64();
	u32 sig[2] = { 0, 0 };
	long ret;

	if (utime && get_timespec64(&ts, utime, time64))
		return -EFAULT;
	if ((ret = poll_deadline(utime ? &ts : NULL, &expires)))
		return ret;
	if (usig && copy_from_user(sig, usig, sizeof(sig)))
		return -EFAULT;
	if ((ret = set_user_sigmask((const u64 *)sig[0], sig[1])))
		return ret;
	ret = core_sys_select(n, inp, outp, exp, expires);
	return poll_select_finish(&ts, start, utime,
				  time64 ? PT_TIMESPEC : PT_OLD_TIMESPEC, ret);
}

long sys_pselect6(int n, u32 *inp, u32 *outp, u32 *exp, void *utime,
		  const u32 *usig)
{
	return do_pselect(n, inp, outp, exp, utime, usig, false);
}

long sys_pselect6_time64(int n, u32 *inp, u32 *outp, u32 *exp, void *utime,
			 const u32 *usig)
{
	return do_pselect(n, inp, outp, exp, utime, usig, true);
}
