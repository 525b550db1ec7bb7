/* kernel/task/priority.c — nice values: getpriority, setpriority, and
 * the time slice a nice value buys; Linux kernel/sys.c (setpriority,
 * getpriority, set_one_prio) and ULK 7.2.1 (the base time quantum).
 * A nice value (-20 .. 19) belongs to each thread and is inherited by
 * fork and clone. Anyone may raise their own (be nicer); lowering it needs
 * root or RLIMIT_NICE (EACCES); changing another user's needs root
 * (EPERM). The scheduler gives a task a slice of ULK's base quantum,
 * halved to clonix's 50 ms at nice 0: 400 ms at -20, one tick at 19. */
#include "sched.h"
#include "signal.h"
#include "pid.h"
#include "cred.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2
#define MIN_NICE	(-20)
#define MAX_NICE	19

/* task_timeslice — ULK's (140 - static_prio) x 20 ms (below 120) or
 * x 5 ms, halved; static_prio is 120 + nice. In ticks, at least one. */
int task_timeslice(const struct task_struct *p)
{
	int prio = 120 + p->nice;
	int ms = (140 - prio) * (prio < 120 ? 20 : 5) / 2;

	return MAX(ms * HZ / 1000, 1);
}

/* in_set — is t one of the tasks (which, who) names? who was resolved
 * (0 is the caller's own). Threads count one by one, as on Linux. */
static bool in_set(const struct task_struct *t, int which, int who)
{
	if ((t->flags & PF_KTHREAD) || t->exit_state)
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return t->pid == who;
	case PRIO_PGRP:
		return t->signal->pgrp == who;
	default:
		return (int)t->cred.uid == who;
	}
}

/* own_id — who 0: the caller's thread, process group or user. */
static int own_id(int which)
{
	return which == PRIO_PROCESS ? current->pid :
	       which == PRIO_PGRP ? current->signal->pgrp : (int)current->cred.uid;
}

/* set_one_prio — Linux's checks: the owner or root (EPERM), then a
 * lower value only within RLIMIT_NICE or for root (EACCES). */
static int set_one_prio(struct task_struct *p, int nice)
{
	const struct cred *c = &current->cred;

	if (p->cred.uid != c->euid && p->cred.euid != c->euid && !capable())
		return -EPERM;
	if (nice < p->nice && 20 - nice > (int)rlimit(RLIMIT_NICE) && !capable())
		return -EACCES;
	p->nice = nice;
	return 0;
}

long sys_setpriority(int which, int who, int nice)
{
	struct task_struct *t;
	int err = -ESRCH, r;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	who = who ? who : own_id(which);
	nice = MIN(MAX(nice, MIN_NICE), MAX_NICE);
	/* as Linux: a refusal is the answer, else 0 once one was set */
	list_for_each_entry(t, &task_list, tasks) {
		if (!in_set(t, which, who))
			continue;
		r = set_one_prio(t, nice);
		if (r)
			err = r;
		else if (err == -ESRCH)
			err = 0;
	}
	return err;
}

/* sys_getpriority — the highest priority of the set, as 20 - nice
 * (1 .. 40: never negative, so never taken for an error). */
long sys_getpriority(int which, int who)
{
	struct task_struct *t;
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	who = who ? who : own_id(which);
	list_for_each_entry(t, &task_list, tasks)
		if (in_set(t, which, who) && 20 - t->nice > best)
			best = 20 - t->nice;
	return best;
}
