/* kernel/task/futex.c — FUTEX_WAIT and FUTEX_WAKE; Linux kernel/futex/
 * (syscalls.c, waitwake.c, core.c get_futex_key); spec §7.3.
 * A waiter is queued under a key naming the word: private ops key on
 * (mm, address); shared ops on (frame, offset) for a MAP_SHARED page, so
 * they meet across fork, and on (mm, address, "shared") otherwise. The
 * two kinds never match each other (spec §7.3.7). The kernel is not
 * preempted between reading the word and queueing, so no wake is lost. */
#include "signal.h"
#include "../drivers/timer.h"
#include "../lib/list.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include <asm/errno.h>
#include <linux/time.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

enum key_kind { KEY_PRIVATE, KEY_MM_SHARED, KEY_PAGE };

struct futex_key {
	enum key_kind kind;
	unsigned long a, b;
};

struct futex_q {
	struct list_head list;
	struct futex_key key;
	struct task_struct *task;
	bool woken;
};

static LIST_HEAD(futex_queue);	/* all waiters; short in practice */

static bool key_eq(const struct futex_key *x, const struct futex_key *y)
{
	return x->kind == y->kind && x->a == y->a && x->b == y->b;
}

/* get_futex_key — shared keys need the page: unmapped → -EFAULT. */
static int get_futex_key(u32 *uaddr, bool private, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	pte_t *pte;
	u32 val;

	if (addr & 3)
		return -EINVAL;
	*key = (struct futex_key){ KEY_PRIVATE, (unsigned long)mm, addr };
	if (private)
		return 0;
	if (get_user_u32(&val, uaddr))		/* faults the page in */
		return -EFAULT;
	vma = find_vma(mm, addr);
	key->kind = KEY_MM_SHARED;
	if (vma && (vma->vm_flags & VM_SHARED) &&
	    (pte = pte_lookup(mm->pgd, addr, false)) && (*pte & PTE_P))
		*key = (struct futex_key){ KEY_PAGE, PTE_ADDR(*pte),
					   addr & ~PAGE_MASK };
	return 0;
}

/* futex_wake_key — wake up to nr waiters (at least one, spec §7.3.6). */
static long futex_wake_key(const struct futex_key *key, int nr)
{
	struct futex_q *q;
	long woken = 0;

	if (nr <= 0)
		nr = 1;
	list_for_each_entry(q, &futex_queue, list) {
		if (woken == nr)
			break;
		if (!q->woken && key_eq(&q->key, key)) {
			q->woken = true;
			wake_up_process(q->task);
			woken++;
		}
	}
	return woken;
}

/* futex_wake_shared — mm_release's wake of a CLEARTID word. */
long futex_wake_shared(u32 *uaddr, int nr)
{
	struct futex_key key;

	return get_futex_key(uaddr, false, &key) ? 0 :
	       futex_wake_key(&key, nr);
}

/* timeout_ticks — a relative timeout, rounded up, plus the partial tick. */
static long timeout_ticks(const struct timespec *ts)
{
	u64 t = (u64)ts->tv_sec * HZ + (ts->tv_nsec + 9999999) / 10000000 + 1;

	return t > 0x7fffffff ? 0x7fffffff : (long)t;
}

static long futex_wait(u32 *uaddr, bool private, u32 val,
		       const struct timespec *uts)
{
	struct futex_q q = { .task = current };
	struct timespec ts;
	long ticks = -1;
	u32 cur;
	int err;

	if (uts) {	/* validated before anything else (spec §7.3.3) */
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		ticks = timeout_ticks(&ts);
	}
	err = get_futex_key(uaddr, private, &q.key);
	if (err)
		return err;
	if (get_user_u32(&cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&q.list, &futex_queue);
	while (!q.woken && ticks != 0 && !signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		if (ticks < 0)
			schedule();
		else
			ticks = schedule_timeout(ticks);
		current->state = TASK_RUNNING;
	}
	list_del(&q.list);
	return q.woken ? 0 : ticks == 0 ? -ETIMEDOUT : -EINTR;
}

long sys_futex(u32 *uaddr, int op, u32 val, const struct timespec *uts,
	       u32 *uaddr2 __unused, u32 val3 __unused)
{
	bool private = op & FUTEX_PRIVATE_FLAG;
	struct futex_key key;
	int err;

	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		if (op & FUTEX_CLOCK_REALTIME)
			return -ENOSYS;		/* as the host (spec §7.3.8) */
		return futex_wait(uaddr, private, val, uts);
	case FUTEX_WAKE:
		err = get_futex_key(uaddr, private, &key);
		return err ? err : futex_wake_key(&key, val);
	}
	return -ENOSYS;
}
