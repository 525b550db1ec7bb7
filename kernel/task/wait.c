/* kernel/task/wait.c — wait4 and waitpid; Linux kernel/exit.c (do_wait,
 * wait_task_zombie, eligible_child), kept in a file of its own (STYLE 4).
 * sys_* only decode into struct wait_opts; do_wait decides (spec §5).
 * Candidates are the children of every thread of the caller's group, or
 * only its own with __WNOTHREAD; a group leader is reported when its
 * whole group is gone; a stopped child with WUNTRACED (WSTOPPED), a
 * continued one with WCONTINUED, each reported once. */
#include "signal.h"
#include "../lib/spinlock.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../lib/jiffies.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/resource.h>
#include <linux/wait.h>
#include <asm/siginfo.h>


struct wait_opts {
	pid_t wo_pid;		/* > 0 that child, -1 any, 0 / < -1 a group */
	int wo_flags;		/* WEXITED is set for wait4 */
	int *wo_stat;		/* user pointer or NULL */
	struct rusage *wo_rusage;	/* user pointer or NULL */
	siginfo_t *wo_info;	/* waitid's, user pointer or NULL */
	int status;		/* the reported status, for the kernel */
};

enum wait_event { EV_NONE, EV_EXIT, EV_STOP, EV_CONT };

/* eligible_child — Linux's test, pid then clone filter. pid -1: any
 * child; 0 the caller's process group; < -1 the group -pid.
 *	__WALL	__WCLONE	eligible
 *	yes	any		every child
 *	no	yes		clone children (exit signal != SIGCHLD)
 *	no	no		the others */
static bool eligible_child(const struct wait_opts *wo, struct task_struct *p)
{
	if (wo->wo_pid > 0 && p->pid != wo->wo_pid)
		return false;
	if (wo->wo_pid == 0 && p->signal->pgrp != current->signal->pgrp)
		return false;
	if (wo->wo_pid < -1 && p->signal->pgrp != -wo->wo_pid)
		return false;
	/* LAB wait: begin clone_filter */
	return (wo->wo_flags & __WALL) ||
	       ((p->exit_signal != SIGCHLD) == !!(wo->wo_flags & __WCLONE));
	/* LAB wait: end clone_filter */
}

/* child_event — what p has to report under wo's options: its end (a
 * zombie whose whole group is gone), a stop not yet seen (WUNTRACED),
 * or a continue (WCONTINUED). */
static enum wait_event child_event(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *s = p->signal;

	if (p->exit_state == EXIT_ZOMBIE)
		return s->nr_threads == 1 && (wo->wo_flags & WEXITED) ?
		       EV_EXIT : EV_NONE;
	if ((wo->wo_flags & WUNTRACED) && (s->flags & SIGNAL_STOP_STOPPED) &&
	    !s->stop_reported)
		return EV_STOP;
	if ((wo->wo_flags & WCONTINUED) && (s->flags & SIGNAL_STOP_CONTINUED))
		return EV_CONT;
	return EV_NONE;
}

/* report — status, rusage and waitid's siginfo to the caller; a bad
 * pointer is -EFAULT (after the event was consumed, as Linux). */
static long report(struct wait_opts *wo, pid_t pid, u32 uid, u32 status,
		   struct rusage *ru, int code)
{
	siginfo_t info = { .si_signo = SIGCHLD, .si_code = code };

	wo->status = status;
	info.si_pid = pid;
	info.si_uid = uid;
	/* LAB wait: begin si_status */
	info.si_status = code == CLD_STOPPED ? (int)(status >> 8) & 0xff :
			 code == CLD_CONTINUED ? SIGCONT : cld_status(status);
	/* LAB wait: end si_status */
	if (wo->wo_stat && put_user_u32(status, (u32 *)wo->wo_stat))
		return -EFAULT;
	if (wo->wo_rusage && copy_to_user(wo->wo_rusage, ru, sizeof(*ru)))
		return -EFAULT;
	if (wo->wo_info && copy_to_user(wo->wo_info, &info, sizeof(info)))
		return -EFAULT;
	return pid;
}

/* wait_task_zombie — release p (unless WNOWAIT), then report it. */
static long wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	struct rusage ru;
	pid_t pid = p->pid;
	u32 uid = p->cred.uid, status = p->signal->group_exit_code;
	int code = cld_code(status);
	struct usage u;

	child_usage(p, &u);
	usage_to_rusage(&ru, &u);
	if (!(wo->wo_flags & WNOWAIT)) {
		/* it and its descendants become part of our children's */
		usage_add(&current->signal->cusage, &u);
		trace(wait, "pid %d reaps %d (status 0x%x)", current->pid,
		      pid, status);
		release_task(p);
	}
	return report(wo, pid, uid, status, &ru, code);
}

/* report_live — a stop or continue of p, with its rusage so far. */
static long report_live(struct wait_opts *wo, struct task_struct *p,
			u32 status, int code)
{
	struct rusage ru;
	struct usage u;

	child_usage(p, &u);
	usage_to_rusage(&ru, &u);
	return report(wo, p->pid, p->cred.uid, status, &ru, code);
}

/* wait_task_stopped / continued — reported once (unless WNOWAIT). */
static long wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	if (!(wo->wo_flags & WNOWAIT))
		p->signal->stop_reported = true;
	return report_live(wo, p, __W_STOPCODE(p->signal->stop_sig),
			   CLD_STOPPED);
}

static long wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	if (!(wo->wo_flags & WNOWAIT))
		p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
	return report_live(wo, p, __W_CONTINUED, CLD_CONTINUED);
}

/* scan_children — over one thread's children: -ECHILD if none is
 * eligible, 0 if some are but none has an event, 1 with *found set. */
static long scan_children(struct wait_opts *wo, struct task_struct *t,
			  struct task_struct **found, enum wait_event *ev)
{
	struct task_struct *p;
	long ret = -ECHILD;

	list_for_each_entry(p, &t->children, sibling) {
		if (!eligible_child(wo, p))
			continue;
		ret = 0;
		if ((*ev = child_event(wo, p))) {
			*found = p;
			return 1;
		}
	}
	return ret;
}

/* find_event — the children of each thread of the group in turn, or
 * with __WNOTHREAD of the caller only (the other threads are skipped). */
static long find_event(struct wait_opts *wo, struct task_struct **zombie,
		       enum wait_event *ev)
{
	struct task_struct *t;
	long ret = -ECHILD, r;
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	for_each_thread(current->signal, t) {
		/* LAB wait: begin wnothread */
		if ((wo->wo_flags & __WNOTHREAD) && t != current)
			continue;
		/* LAB wait: end wnothread */
		r = scan_children(wo, t, zombie, ev);
		if (r > 0 || (r == 0 && ret < 0))
			ret = r > 0 ? 0 : r;
		if (*zombie)
			break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long do_wait(struct wait_opts *wo)
{
	struct wait_queue_entry w = { current, { NULL, NULL } };
	struct task_struct *zombie = NULL;
	enum wait_event ev = EV_NONE;
	long ret;

	for (;;) {
		prepare_to_wait(&current->signal->wait_chldexit, &w,
				TASK_INTERRUPTIBLE);
		ret = find_event(wo, &zombie, &ev);
		if (zombie || ret || (wo->wo_flags & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->signal->wait_chldexit, &w);
	if (!zombie)
		return ret;
	return ev == EV_EXIT ? wait_task_zombie(wo, zombie) :
	       ev == EV_STOP ? wait_task_stopped(wo, zombie) :
	       wait_task_continued(wo, zombie);
}

#define WAIT4_FLAGS	(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | \
			 __WCLONE | __WALL)

/* kernel_wait4 — wait from kernel code, the status into a kernel int. */
long kernel_wait4(pid_t pid, int *status)
{
	struct wait_opts wo = { .wo_pid = pid, .wo_flags = __WALL | WEXITED };
	long ret = do_wait(&wo);

	*status = wo.status;
	return ret;
}

long sys_wait4(pid_t pid, int *stat_addr, int options, struct rusage *ru)
{
	struct wait_opts wo = { pid, options | WEXITED, stat_addr, ru, NULL, 0 };

	if (options & ~WAIT4_FLAGS)
		return -EINVAL;
	if (pid == (pid_t)0x80000000)	/* INT_MIN: spec §5.2.2 */
		return -ESRCH;
	return do_wait(&wo);
}

long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}

#define WAITID_FLAGS	(WNOHANG | WEXITED | WSTOPPED | WCONTINUED | WNOWAIT | \
			 __WNOTHREAD | __WCLONE | __WALL)

/* sys_waitid — spec §5.2.4's checks; 0 on success, and with WNOHANG and
 * nothing to report a zeroed siginfo. */
long sys_waitid(int which, pid_t id, siginfo_t *info, int options,
		struct rusage *ru)
{
	struct wait_opts wo = { 0, options, NULL, ru, info, 0 };
	long ret;

	if ((options & ~WAITID_FLAGS) ||
	    !(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	if (which == P_ALL)
		wo.wo_pid = -1;
	else if (which == P_PID && id > 0)
		wo.wo_pid = id;
	else if (which == P_PGID && id >= 0)
		wo.wo_pid = id ? -id : 0;
	else
		return -EINVAL;
	ret = do_wait(&wo);
	if (ret == 0 && info && clear_user(info, sizeof(siginfo_t)))
		return -EFAULT;
	return ret > 0 ? 0 : ret;
}
