/* kernel/task/signal_sys.c — the signal system calls and process groups;
 * Linux kernel/signal.c (kill, tkill, tgkill, rt_sigprocmask,
 * rt_sigpending, rt_sigsuspend) and kernel/sys.c (setpgid, getpgid,
 * setsid, getsid). */
#include "pid.h"
#include "signal.h"
#include "../lib/printk.h"
#include "../lib/spinlock.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2


static int check_sig(int sig)
{
	return sig < 0 || sig > _NSIG ? -EINVAL : 0;
}

static void user_info(siginfo_t *info, int sig, int code)
{
	*info = (siginfo_t){ .si_signo = sig, .si_code = code };
	info->si_pid = current->tgid;
	info->si_uid = current->cred.uid;
}

/* may_signal — Linux check_kill_permission: root may signal anyone;
 * others only a process whose real or saved uid is their real or
 * effective uid; SIGCONT also within the same session. */
static int may_signal(int sig, struct task_struct *t)
{
	const struct cred *me = &current->cred, *it = &t->cred;

	if (me->euid == it->suid || me->euid == it->uid ||
	    me->uid == it->suid || me->uid == it->uid)
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return capable() ? 0 : -EPERM;
}

/* kill_pgrp — to every process (leader) of this process group, or to
 * all but init and the caller for pid -1 (a walk of the task list).
 * Linux kill_something_info: for -1, a process the caller may not signal
 * still counts, so that -1 fails (ESRCH) only when there is no other
 * process at all; for a group, EPERM if it reached none. */
static int kill_pgrp(int sig, pid_t pgrp, bool all)
{
	siginfo_t info;
	struct task_struct *t;
	int found = 0, err = -ESRCH;

	user_info(&info, sig, SI_USER);
	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || (t->flags & PF_KTHREAD))
			continue;	/* zombies count, as in Linux */
		if (all ? (t->tgid == 1 || t->tgid == current->tgid) :
			  t->signal->pgrp != pgrp)
			continue;
		err = may_signal(sig, t);	/* success if any succeeds */
		if (err) {
			found += all;
			continue;
		}
		found++;
		if (sig)
			send_signal(sig, &info, t, true);
	}
	return found ? 0 : err;
}

/* kill_pgrp_kernel — the tty's signals to a process group (si_code
 * SI_KERNEL, as Linux's tty does). */
int kill_pgrp_kernel(pid_t pgrp, int sig)
{
	siginfo_t info = { .si_signo = sig, .si_code = SI_KERNEL };
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (thread_group_leader(t) && !(t->flags & PF_KTHREAD) &&
		    t->signal->pgrp == pgrp)
			send_signal(sig, &info, t, true);
	return 0;
}

/* will_become_orphaned_pgrp — no member but ignored has a parent in
 * another group of the same session (POSIX; Linux kernel/exit.c). */
static bool will_become_orphaned_pgrp(pid_t pgrp, pid_t session,
				      struct task_struct *ignored)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks) {
		struct task_struct *par = t->real_parent;

		if (t == ignored || !thread_group_leader(t) || t->exit_state ||
		    t->signal->pgrp != pgrp || !par)
			continue;
		if (par->signal->pgrp != pgrp && par->signal->session == session)
			return false;
	}
	return true;
}

/* is_current_pgrp_orphaned — the terminal's job control asks this: an
 * orphaned group must not be stopped (tty_check_change gives EIO). */
bool is_current_pgrp_orphaned(void)
{
	return will_become_orphaned_pgrp(current->signal->pgrp,
					 current->signal->session, NULL);
}

/* pgrp_session — the session of a live process group; 0 if none. */
pid_t pgrp_session(pid_t pgrp)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (thread_group_leader(t) && !t->exit_state &&
		    t->signal->pgrp == pgrp)
			return t->signal->session;
	return 0;
}

/* pgrp_task — a process of group pgrp, zombies included: a group exists
 * until its last member is reaped (Linux pid_task(PIDTYPE_PGID)). */
static struct task_struct *pgrp_task(pid_t pgrp)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (thread_group_leader(t) && !(t->flags & PF_KTHREAD) &&
		    t->signal->pgrp == pgrp)
			return t;
	return NULL;
}

static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->signal->pgrp == pgrp &&
		    (t->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/* kill_orphaned_pgrp — tsk's exit (as parent, or as the member that kept
 * pgrp attached) orphans pgrp: if it has stopped members they would
 * never be continued, so it gets SIGHUP then SIGCONT (POSIX 2.4.3). */
void kill_orphaned_pgrp(struct task_struct *tsk, pid_t pgrp, pid_t session,
			struct task_struct *ignored)
{
	if (!pgrp || session != tsk->signal->session ||
	    !will_become_orphaned_pgrp(pgrp, session, ignored) ||
	    !has_stopped_jobs(pgrp))
		return;
	kill_pgrp_kernel(pgrp, SIGHUP);
	kill_pgrp_kernel(pgrp, SIGCONT);
}

long sys_kill(pid_t pid, int sig)
{
	struct task_struct *t;
	siginfo_t info;
	int err = check_sig(sig);

	if (err)
		return err;
	if (pid == -1)
		return kill_pgrp(sig, 0, true);
	if (pid <= 0)
		return kill_pgrp(sig, pid ? -pid : current->signal->pgrp, false);
	t = find_task_by_vpid(pid);
	if (!t)			/* a zombie is still there: kill(2) says 0 */
		return -ESRCH;
	err = may_signal(sig, t);
	if (err)
		return err;
	user_info(&info, sig, SI_USER);
	return sig ? send_signal(sig, &info, t->group_leader, true) : 0;
}

static long do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct task_struct *t;
	siginfo_t info;
	int err = check_sig(sig);

	if (err)
		return err;
	if (tid <= 0 || (tgid != -1 && tgid <= 0))
		return -EINVAL;
	t = find_task_by_vpid(tid);
	if (!t || (t->exit_state && !thread_group_leader(t)) ||
	    (tgid != -1 && t->tgid != tgid))
		return -ESRCH;
	err = may_signal(sig, t);
	if (err)
		return err;
	user_info(&info, sig, SI_TKILL);
	return sig ? send_signal(sig, &info, t, false) : 0;
}

long sys_tkill(pid_t tid, int sig)
{
	return do_tkill(-1, tid, sig);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, tid, sig);
}

long sys_rt_sigprocmask(int how, const u64 *uset, u64 *uold, u32 size)
{
	u64 set, old = current->blocked;

	if (size != sizeof(u64))
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, uset, sizeof(set)))
			return -EFAULT;
		set &= ~SIG_KERNEL_ONLY;
		if (how == SIG_BLOCK)
			current->blocked |= set;
		else if (how == SIG_UNBLOCK)
			current->blocked &= ~set;
		else if (how == SIG_SETMASK)
			current->blocked = set;
		else
			return -EINVAL;
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(u64 *uset, u32 size)
{
	u64 set = (current->pending.signal |
		   current->signal->shared_pending.signal) & current->blocked;

	if (size > sizeof(u64))
		return -EINVAL;
	return copy_to_user(uset, &set, size) ? -EFAULT : 0;
}

/* set_temporary_sigmask — the mask of one call (sigsuspend, pselect6,
 * ppoll): the caller's own comes back when the call returns, or, when a
 * signal interrupts it, after that signal's handler (restore_sigmask). */
void set_temporary_sigmask(u64 mask)
{
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~SIG_KERNEL_ONLY;
}

/* set_user_sigmask — pselect6's and ppoll's sigmask argument: none (NULL)
 * leaves the mask alone; a size other than a sigset_t's is EINVAL. */
int set_user_sigmask(const u64 *umask, u32 size)
{
	u64 mask;

	if (!umask)
		return 0;
	if (size != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_temporary_sigmask(mask);
	return 0;
}

/* restore_saved_sigmask_unless — the call is over: its temporary mask
 * goes, unless a signal interrupted it, whose delivery puts it back. */
void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_sigmask)
		return;
	current->restore_sigmask = false;
	current->blocked = current->saved_sigmask;
}

/* sys_rt_sigsuspend — sleep with a temporary mask until a handler runs;
 * the old mask comes back through the signal frame (restore_sigmask). */
long sys_rt_sigsuspend(const u64 *umask, u32 size)
{
	u64 mask;

	if (size != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_temporary_sigmask(mask);
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	return -ERESTARTNOHAND;
}

long sys_pause(void)
{
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	return -ERESTARTNOHAND;
}

/* --- process groups and sessions (TLPI 34) ------------------------ */

static struct task_struct *process(pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_vpid(pid) : current;

	return t && !t->exit_state ? t->group_leader : NULL;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *t = process(pid);

	return t ? t->signal->pgrp : -ESRCH;
}

long sys_getpgrp(void)
{
	return current->signal->pgrp;
}

long sys_getsid(pid_t pid)
{
	struct task_struct *t = process(pid);

	return t ? t->signal->session : -ESRCH;
}

/* setpgid_target — whose group setpgid may change (Linux's checks in its
 * order): the caller, or a child of its thread group that is in its
 * session and has not exec'd; a thread that is not a leader is EINVAL. */
static int setpgid_target(pid_t pid, struct task_struct **res)
{
	struct task_struct *t = pid ? find_task_by_vpid(pid) :
				current->group_leader;

	if (!t)
		return -ESRCH;
	if (!thread_group_leader(t))
		return -EINVAL;
	if (t->real_parent && t->real_parent->tgid == current->tgid) {
		if (t->signal->session != current->signal->session)
			return -EPERM;
		if (!(t->flags & PF_FORKNOEXEC))
			return -EACCES;		/* it has exec'd */
	} else if (t != current->group_leader) {
		return -ESRCH;
	}
	*res = t;
	return 0;
}

/* sys_setpgid — into a group of the caller's session: an existing one, or
 * a new one named after the process (TLPI 34.2). */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *t, *g;
	int err;

	if (pgid < 0)
		return -EINVAL;
	err = setpgid_target(pid, &t);
	if (err)
		return err;
	if (t->signal->session == t->tgid)
		return -EPERM;		/* a session leader */
	pgid = pgid ? pgid : t->tgid;
	g = pgid != t->tgid ? pgrp_task(pgid) : t;
	if (!g || g->signal->session != current->signal->session)
		return -EPERM;	/* a group to join must exist, in our session */
	t->signal->pgrp = pgid;
	return 0;
}

long sys_setsid(void)
{
	struct signal_struct *sig = current->signal;

	/* setsid(2): EPERM if any process group has our PID as its ID;
	 * not only our own: a child may have left that group for ours */
	if (pgrp_task(current->tgid))
		return -EPERM;
	sig->session = sig->pgrp = current->tgid;
	return sig->session;
}
