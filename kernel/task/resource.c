/* kernel/task/resource.c — resource limits; Linux kernel/sys.c
 * (getrlimit, setrlimit, prlimit64) and include/asm-generic/resource.h.
 * The limits are per process (in signal_struct), inherited at fork and
 * kept across exec. Enforced: RLIMIT_NOFILE (the lowest free descriptor
 * must be below it) and RLIMIT_NPROC (fork and clone: EAGAIN when the
 * real uid has that many tasks; root is not limited, as in Linux; the
 * system-wide threads-max limits everyone, see fork_init). The
 * others are kept and reported only. */
#include "pid.h"
#include "signal.h"
#include "../fs/fdtable.h"
#include "../mm/uaccess.h"
#include "../lib/trace.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/resource.h>

#define INFINITY64	(~0ULL)

/* init_rlimits — the limits of the first process (INIT_RLIMITS). */
void init_rlimits(struct signal_struct *sig)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		sig->rlim[i] = (struct rlimit64){ INFINITY64, INFINITY64 };
	sig->rlim[RLIMIT_STACK].rlim_cur = 8 << 20;
	sig->rlim[RLIMIT_CORE].rlim_cur = 0;
	sig->rlim[RLIMIT_NPROC] = (struct rlimit64){ max_threads / 2,
						     max_threads / 2 };
	sig->rlim[RLIMIT_NOFILE] = (struct rlimit64){ NR_OPEN_DEFAULT,
						      NR_OPEN_DEFAULT };
	sig->rlim[RLIMIT_MEMLOCK] = (struct rlimit64){ 8 << 20, 8 << 20 };
	sig->rlim[RLIMIT_SIGPENDING] = (struct rlimit64){ 1024, 1024 };
	sig->rlim[RLIMIT_MSGQUEUE] = (struct rlimit64){ 819200, 819200 };
	sig->rlim[RLIMIT_NICE] = sig->rlim[RLIMIT_RTPRIO] =
		(struct rlimit64){ 0, 0 };
}

unsigned long rlimit(unsigned int which)
{
	u64 v = current->signal->rlim[which].rlim_cur;

	return v > 0xffffffffULL ? ~0UL : (unsigned long)v;
}

/* may_fork — Linux copy_process's two counts: RLIMIT_NPROC, the tasks
 * of this real uid, threads and zombies included (Linux counts them until
 * they are reaped), from which root and privileged tasks are exempt; then
 * the system-wide max_threads, from which nobody is. */
int may_fork(void)
{
	u32 uid = current->cred.uid;
	unsigned long n = 0, limit = rlimit(RLIMIT_NPROC);
	struct task_struct *t;

	if (nr_tasks() >= max_threads) {
		trace(clone, "copy_process: %lu tasks, threads-max reached: "
		      "EAGAIN", nr_tasks());
		return -EAGAIN;
	}
	if (uid == 0 || limit == ~0UL)
		return 0;
	list_for_each_entry(t, &task_list, tasks)
		n += !(t->flags & PF_KTHREAD) && t->cred.uid == uid;
	return n >= limit && !capable() ? -EAGAIN : 0;
}

/* do_prlimit — read and/or set one limit of one process (Linux
 * do_prlimit): soft above hard is EINVAL, raising the hard limit needs
 * root, and NOFILE cannot pass the descriptor table's size (EPERM, as
 * Linux's nr_open). */
static int do_prlimit(struct task_struct *t, unsigned int which,
		      const struct rlimit64 *new, struct rlimit64 *old)
{
	struct rlimit64 *r;

	if (which >= RLIM_NLIMITS)
		return -EINVAL;
	r = &t->signal->rlim[which];
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && which == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_DEFAULT)
		return -EPERM;
	if (new && new->rlim_max > r->rlim_max && !capable())
		return -EPERM;
	if (old)
		*old = *r;
	if (new)
		*r = *new;
	return 0;
}

/* the 32-bit calls: RLIM_INFINITY is ~0UL both ways */
static struct rlimit64 to64(const struct rlimit *r)
{
	return (struct rlimit64){
		r->rlim_cur == RLIM_INFINITY ? INFINITY64 : r->rlim_cur,
		r->rlim_max == RLIM_INFINITY ? INFINITY64 : r->rlim_max };
}

static unsigned long clamp32(u64 v, unsigned long inf)
{
	return v > 0xffffffffULL ? inf : (unsigned long)v;
}

static long get_rlimit(unsigned int which, struct rlimit *ur,
		       unsigned long inf)
{
	struct rlimit64 v;
	struct rlimit r;
	int err = do_prlimit(current, which, NULL, &v);

	if (err)
		return err;
	r = (struct rlimit){ clamp32(v.rlim_cur, inf), clamp32(v.rlim_max, inf) };
	return copy_to_user(ur, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_ugetrlimit(unsigned int which, struct rlimit *ur)
{
	return get_rlimit(which, ur, RLIM_INFINITY);
}

/* sys_getrlimit — the old call shows infinity as 0x7fffffff. */
long sys_getrlimit(unsigned int which, struct rlimit *ur)
{
	return get_rlimit(which, ur, 0x7fffffffUL);
}

long sys_setrlimit(unsigned int which, const struct rlimit *ur)
{
	struct rlimit r;
	struct rlimit64 v;

	if (copy_from_user(&r, ur, sizeof(r)))
		return -EFAULT;
	v = to64(&r);
	return do_prlimit(current, which, &v, NULL);
}

long sys_prlimit64(pid_t pid, unsigned int which,
		   const struct rlimit64 *unew, struct rlimit64 *uold)
{
	struct task_struct *t = pid ? find_task_by_vpid(pid) : current;
	struct rlimit64 new, old;
	int err;

	if (!t || t->exit_state)
		return -ESRCH;
	if (t->signal != current->signal && !capable() &&
	    (t->cred.uid != current->cred.uid ||
	     t->cred.euid != current->cred.uid))
		return -EPERM;
	if (unew && copy_from_user(&new, unew, sizeof(new)))
		return -EFAULT;
	err = do_prlimit(t, which, unew ? &new : NULL, &old);
	if (!err && uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return err;
}
