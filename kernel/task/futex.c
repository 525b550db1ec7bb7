/* kernel/task/futex.c — fast user-space locking: the futex(2) operations
 * glibc's NPTL uses, and the robust-list walk at thread exit. Linux
 * kernel/futex/ (syscalls.c, waitwake.c, requeue.c, core.c); spec §7.3.
 *
 * A waiter is queued under a key naming the word: private ops key on
 * (mm, address); shared ops on (frame, offset) for a MAP_SHARED page, so
 * they meet across fork, and on (mm, address, "shared") otherwise. The
 * two kinds never match each other (spec §7.3.7). Each waiter also has a
 * bitset (WAIT_BITSET); a wake matches waiters whose bits it shares.
 * The kernel is not preempted between reading the word and queueing, so
 * no wake is lost. The priority-inheritance ops (LOCK_PI ...) are not
 * implemented: -ENOSYS, which glibc reports as "not supported" for a
 * PTHREAD_PRIO_INHERIT mutex. */
#include "futex.h"
#include "time.h"
#include "pid.h"
#include "signal.h"
#include "../lib/list.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffu

/* the lock word of a robust mutex (Linux include/uapi/linux/futex.h) */
#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u
#define FUTEX_TID_MASK		0x3fffffffu
#define ROBUST_LIST_LIMIT	2048	/* entries walked at most: a loop in
					   the user's list must end */

enum key_kind { KEY_PRIVATE, KEY_MM_SHARED, KEY_PAGE };

struct futex_key {
	enum key_kind kind;
	unsigned long a, b;
};

struct futex_q {
	struct list_head list;
	struct futex_key key;
	u32 bitset;
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
	    (pte = pte_lookup(mm->pgd, addr)) && (*pte & PTE_P))
		*key = (struct futex_key){ KEY_PAGE, PTE_ADDR(*pte),
					   addr & ~PAGE_MASK };
	return 0;
}

/* futex_wake_key — wake up to nr waiters whose bitset meets `bitset`;
 * nr <= 0 still wakes one (spec §7.3.6). */
static long futex_wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_q *q;
	long woken = 0;

	list_for_each_entry(q, &futex_queue, list) {
		if (!q->woken && key_eq(&q->key, key) && (q->bitset & bitset)) {
			q->woken = true;
			wake_up_process(q->task);
			if (++woken >= nr)
				break;
		}
	}
	return woken;
}

static long futex_wake(u32 *uaddr, bool private, int nr, u32 bitset)
{
	struct futex_key key;
	int err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &key);
	return err ? err : futex_wake_key(&key, nr, bitset);
}

/* futex_wake_shared — mm_release's wake of a CLEARTID word, and the
 * robust-list walk's: shared ops, as on Linux. */
long futex_wake_shared(u32 *uaddr, int nr)
{
	long r = futex_wake(uaddr, false, nr, FUTEX_BITSET_MATCH_ANY);

	return r < 0 ? 0 : r;
}

static long futex_wait_restart(struct restart_block *rb);

/* futex_wait — sleep while *uaddr == val, until woken, a signal, or the
 * tick `expires` (0: no timeout). */
static long futex_wait(u32 *uaddr, bool private, u32 val, u64 expires,
		       u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	u64 now = 0;
	u32 cur;
	int err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &q.key);
	if (err)
		return err;
	if (get_user_u32(&cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&q.list, &futex_queue);
	while (!q.woken && !signal_pending(current) &&
	       (!expires || (now = get_jiffies_64()) < expires)) {
		current->state = TASK_INTERRUPTIBLE;
		if (!expires)
			schedule();
		else
			schedule_timeout(expires - now > 0x7fffffff ?
					 0x7fffffff : (long)(expires - now));
		current->state = TASK_RUNNING;
	}
	list_del(&q.list);
	if (q.woken)
		return 0;
	if (!signal_pending(current))
		return -ETIMEDOUT;
	if (!expires)
		return -ERESTARTSYS;
	/* a timed wait goes on to the same deadline after a stop */
	current->restart_block = (struct restart_block){
		.fn = futex_wait_restart, .expires = expires,
		.futex = { uaddr, val, bitset, private } };
	return -ERESTART_RESTARTBLOCK;
}

static long futex_wait_restart(struct restart_block *rb)
{
	return futex_wait(rb->futex.uaddr, rb->futex.private, rb->futex.val,
			  rb->expires, rb->futex.bitset);
}

/* futex_requeue — wake nr_wake waiters on uaddr, move up to nr_requeue
 * more to uaddr2 (a condition variable's broadcast: the waiters queue on
 * the mutex instead of stampeding). CMP_REQUEUE first checks that
 * *uaddr is still cmpval. Returns the number woken plus moved. */
static long futex_requeue(u32 *uaddr, bool private, u32 *uaddr2, int nr_wake,
			  int nr_requeue, const u32 *cmpval)
{
	struct futex_key key1, key2;
	struct futex_q *q;
	long count = 0;
	u32 cur;
	int err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if ((err = get_futex_key(uaddr, private, &key1)) ||
	    (err = get_futex_key(uaddr2, private, &key2)))
		return err;
	if (cmpval) {
		if (get_user_u32(&cur, uaddr))
			return -EFAULT;
		if (cur != *cmpval)
			return -EAGAIN;
	}
	list_for_each_entry(q, &futex_queue, list) {
		if (count - nr_wake >= nr_requeue)
			break;
		if (q->woken || !key_eq(&q->key, &key1))
			continue;
		if (++count <= nr_wake) {
			q->woken = true;
			wake_up_process(q->task);
		} else {
			q->key = key2;
		}
	}
	return count;
}

/* wake_op_apply — FUTEX_WAKE_OP's encoded operation on the old value
 * (op, cmp: 4 bits each; oparg, cmparg: 12 bits, signed); -ENOSYS for
 * an unknown op or comparison, as Linux. */
static int wake_op_apply(u32 encoded, u32 old, u32 *new, bool *cmp)
{
	u32 op = (encoded >> 28) & 7, how = (encoded >> 24) & 15;
	s32 oparg = (s32)(encoded << 8) >> 20, cmparg = (s32)(encoded << 20) >> 20;

	if (encoded & (8u << 28))	/* FUTEX_OP_OPARG_SHIFT: 1 << oparg */
		oparg = 1u << (oparg & 31);
	switch (op) {
	case 0: *new = oparg; break;			/* SET */
	case 1: *new = old + oparg; break;		/* ADD */
	case 2: *new = old | oparg; break;		/* OR */
	case 3: *new = old & ~oparg; break;		/* ANDN */
	case 4: *new = old ^ oparg; break;		/* XOR */
	default: return -ENOSYS;
	}
	switch (how) {
	case 0: *cmp = (s32)old == cmparg; break;	/* EQ */
	case 1: *cmp = (s32)old != cmparg; break;	/* NE */
	case 2: *cmp = (s32)old < cmparg; break;	/* LT */
	case 3: *cmp = (s32)old <= cmparg; break;	/* LE */
	case 4: *cmp = (s32)old > cmparg; break;	/* GT */
	case 5: *cmp = (s32)old >= cmparg; break;	/* GE */
	default: return -ENOSYS;
	}
	return 0;
}

/* futex_wake_op — change *uaddr2 and wake on uaddr, then, if the old
 * value passes the test, on uaddr2 too: one call for "unlock and signal"
 * (glibc's condition variables of old). Nothing runs between the read
 * and the write: the kernel is not preempted here. */
static long futex_wake_op(u32 *uaddr, bool private, u32 *uaddr2, int nr,
			  int nr2, u32 encoded)
{
	struct futex_key key1, key2;
	u32 old, new;
	long woken;
	bool cmp;
	int err;

	if ((err = get_futex_key(uaddr, private, &key1)) ||
	    (err = get_futex_key(uaddr2, private, &key2)))
		return err;
	if (get_user_u32(&old, uaddr2))
		return -EFAULT;
	if ((err = wake_op_apply(encoded, old, &new, &cmp)))
		return err;
	if (put_user_u32(new, uaddr2))
		return -EFAULT;
	woken = futex_wake_key(&key1, nr, FUTEX_BITSET_MATCH_ANY);
	if (cmp)
		woken += futex_wake_key(&key2, nr2, FUTEX_BITSET_MATCH_ANY);
	return woken;
}

/* futex_timeout — the deadline tick of a waiting op: WAIT's timeout is
 * relative; WAIT_BITSET's absolute, on CLOCK_MONOTONIC or, with
 * FUTEX_CLOCK_REALTIME, the wall clock. Checked before anything else
 * (spec §7.3.3). */
static int futex_timeout(int cmd, int op, const void *uts, bool time64,
			 u64 *expires)
{
	struct timespec64 ts;

	*expires = 0;
	if (!uts)
		return 0;
	if (get_timespec64(&ts, uts, time64))
		return -EFAULT;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	if (cmd == FUTEX_WAIT) {
		*expires = deadline_after(&ts);
		return 0;
	}
	deadline_at(op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME :
		    CLOCK_MONOTONIC, &ts, expires);
	if (!*expires)
		*expires = 1;	/* already past: time out at once */
	return 0;
}

/* do_futex — the 4th argument is a timeout for the waiting ops and a
 * count (nr_requeue, nr_wake2) for the others, as Linux reads it. */
static long do_futex(u32 *uaddr, int op, u32 val, const void *uts,
		     u32 *uaddr2, u32 val3, bool time64)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG;
	u32 val2 = (u32)(unsigned long)uts;
	u64 expires;
	int err;

	/* futex(2): only the absolute waits may name the wall clock */
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAIT_BITSET:
		if ((err = futex_timeout(cmd, op, uts, time64, &expires)))
			return err;
		return futex_wait(uaddr, private, val, expires, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, private, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, private, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, private, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, private, uaddr2, val, val2, val3);
	}
	return -ENOSYS;
}

long sys_futex(u32 *uaddr, int op, u32 val, const void *uts, u32 *uaddr2,
	       u32 val3)
{
	return do_futex(uaddr, op, val, uts, uaddr2, val3, false);
}

long sys_futex_time64(u32 *uaddr, int op, u32 val, const void *uts,
		      u32 *uaddr2, u32 val3)
{
	return do_futex(uaddr, op, val, uts, uaddr2, val3, true);
}

/* --- robust futexes (Linux Documentation/locking/robust-futexes) ---
 * A thread registers the head of a list, in its own memory, of the
 * robust mutexes it holds. When it dies holding one, the kernel marks
 * the lock word FUTEX_OWNER_DIED and wakes a waiter, who then owns it
 * and learns (EOWNERDEAD) that the data may be inconsistent. */

struct robust_list_head {
	u32 next;		/* first entry; the head itself ends the list */
	s32 futex_offset;	/* entry + offset = the lock word */
	u32 list_op_pending;	/* an entry being added or removed */
};

long sys_set_robust_list(u32 head, u32 len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* sys_get_robust_list — another task's needs the right to trace it:
 * the same real user, or root (Linux ptrace_may_access, simplified). */
long sys_get_robust_list(int pid, u32 *head_ptr, u32 *len_ptr)
{
	struct task_struct *t = pid ? find_task_by_vpid(pid) : current;

	if (!t)
		return -ESRCH;
	if (t != current && current->cred.euid &&
	    current->cred.uid != t->cred.uid)
		return -EPERM;
	if (put_user_u32(sizeof(struct robust_list_head), len_ptr))
		return -EFAULT;
	return put_user_u32(t->robust_list, head_ptr) ? -EFAULT : 0;
}

/* handle_futex_death — the dying thread holds the lock at uaddr (its
 * TID in the word): mark the owner dead, keep the waiters bit, wake one.
 * For the pending entry the lock may not be taken yet (word 0): a waiter
 * may still need the wake the thread was about to give. */
static void handle_futex_death(u32 *uaddr, bool pi, bool pending)
{
	u32 val;

	if (((u32)uaddr & 3) || get_user_u32(&val, uaddr))
		return;
	if (pending && !pi && !val) {
		futex_wake_shared(uaddr, 1);
		return;
	}
	if ((val & FUTEX_TID_MASK) != (u32)current->pid)
		return;
	if (put_user_u32((val & FUTEX_WAITERS) | FUTEX_OWNER_DIED, uaddr))
		return;
	if (!pi && (val & FUTEX_WAITERS))
		futex_wake_shared(uaddr, 1);
}

/* exit_robust_list — at exit and exec (the mm is going): walk the list
 * from the head, at most ROBUST_LIST_LIMIT entries, then the pending
 * one. Bit 0 of a link marks a priority-inheritance lock: its word is
 * marked, but no one is woken (PI waiters do not sleep here). A fault
 * ends the walk quietly: the list is the program's, not ours. */
void exit_robust_list(struct task_struct *tsk)
{
	u32 head_addr = tsk->robust_list, entry, next;
	struct robust_list_head head;
	int limit = ROBUST_LIST_LIMIT;

	if (!head_addr)
		return;
	tsk->robust_list = 0;
	if (copy_from_user(&head, (void *)head_addr, sizeof(head)))
		return;
	for (entry = head.next; (entry & ~1u) != head_addr && limit-- > 0;
	     entry = next) {
		/* the next link first: the wake may let a waiter free this one */
		if (get_user_u32(&next, (u32 *)(entry & ~1u)))
			return;
		if ((entry & ~1u) != (head.list_op_pending & ~1u))
			handle_futex_death((u32 *)((entry & ~1u) +
				head.futex_offset), entry & 1, false);
	}
	if (head.list_op_pending)
		handle_futex_death((u32 *)((head.list_op_pending & ~1u) +
			head.futex_offset), head.list_op_pending & 1, true);
}
