/* kernel/task/usage.c — what a task, a process and its children have
 * used: CPU ticks, faults, context switches and the largest resident
 * size, in one type (struct usage, signal.h) and one home; Linux
 * kernel/sys.c (getrusage, times) and kernel/exit.c (__exit_signal,
 * wait_task_zombie's sums); ULK 3.4, TLPI 36.1. A thread's own counters
 * are in its task_struct; when it exits they move to its process's
 * signal->dead, so the process's totals outlive it; a reaped child's
 * totals, with the descendants it reaped, go to its parent's cusage. */
#include "signal.h"
#include "../lib/jiffies.h"
#include "../lib/string.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/resource.h>

/* task_usage — one thread's counters (no maxrss: that is the process's) */
struct usage task_usage(const struct task_struct *t)
{
	return (struct usage){ t->utime, t->stime, t->min_flt, t->maj_flt,
			       t->nvcsw, t->nivcsw, 0 };
}

/* usage_add — sums, but the larger maxrss: a peak does not add up. */
void usage_add(struct usage *to, const struct usage *from)
{
	to->utime += from->utime;
	to->stime += from->stime;
	to->min_flt += from->min_flt;
	to->maj_flt += from->maj_flt;
	to->nvcsw += from->nvcsw;
	to->nivcsw += from->nivcsw;
	to->maxrss = MAX(to->maxrss, from->maxrss);
}

/* group_usage — a process's own: its live threads plus those gone. */
void group_usage(struct task_struct *p, struct usage *u)
{
	struct task_struct *t;
	struct usage one;

	*u = p->signal->dead;
	for_each_thread(p->signal, t) {
		one = task_usage(t);
		usage_add(u, &one);
	}
	if (p->mm && p->mm->hiwater_rss * 4 > u->maxrss)
		u->maxrss = p->mm->hiwater_rss * 4;	/* KiB */
}

/* child_usage — a reaped child is reported with its descendants
 * (RUSAGE_BOTH of the child, spec §5.4.7); maxrss is the larger. */
void child_usage(struct task_struct *p, struct usage *u)
{
	group_usage(p, u);
	usage_add(u, &p->signal->cusage);
}

/* exit_usage — the thread's counters go to its group's (Linux
 * __exit_signal), so that the process's totals outlive the thread. */
void exit_usage(struct task_struct *tsk)
{
	struct usage mine = task_usage(tsk);

	usage_add(&tsk->signal->dead, &mine);
	tsk->utime = tsk->stime = tsk->min_flt = tsk->maj_flt = 0;
	tsk->nvcsw = tsk->nivcsw = 0;
}

static void ticks_to_tv(struct timeval *tv, unsigned long ticks)
{
	tv->tv_sec = ticks / HZ;
	tv->tv_usec = (ticks % HZ) * (1000000 / HZ);
}

/* usage_to_rusage — struct rusage as i386 Linux lays it out */
void usage_to_rusage(struct rusage *ru, const struct usage *u)
{
	memset(ru, 0, sizeof(*ru));
	ticks_to_tv(&ru->ru_utime, u->utime);
	ticks_to_tv(&ru->ru_stime, u->stime);
	ru->ru_maxrss = u->maxrss;
	ru->ru_minflt = u->min_flt;
	ru->ru_majflt = u->maj_flt;
	ru->ru_nvcsw = u->nvcsw;
	ru->ru_nivcsw = u->nivcsw;
}

long sys_getrusage(int who, struct rusage *uru)
{
	struct rusage ru;
	struct usage u;

	if (who == RUSAGE_SELF)
		group_usage(current, &u);
	else if (who == RUSAGE_CHILDREN)
		u = current->signal->cusage;
	else if (who == RUSAGE_THREAD)
		u = task_usage(current);
	else
		return -EINVAL;
	usage_to_rusage(&ru, &u);
	return copy_to_user(uru, &ru, sizeof(ru)) ? -EFAULT : 0;
}

/* process_times — for times(2): the group's ticks and its children's. */
void process_times(unsigned long t[4])
{
	struct usage u;

	group_usage(current, &u);
	t[0] = u.utime;
	t[1] = u.stime;
	t[2] = current->signal->cusage.utime;
	t[3] = current->signal->cusage.stime;
}
