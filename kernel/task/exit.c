/* kernel/task/exit.c — how a thread and a process end; Linux kernel/exit.c
 * (do_exit, exit_mm, exit_notify, forget_original_parent, release_task)
 * and kernel/fork.c (mm_release); ULK 3.5; spec §4.2-4.4 and §6.
 * Order, as in ULK: give back the address space (waking a vfork parent
 * and a joiner on the TID word), the files and the fs, record the code,
 * hand the children on, then become a zombie (a group leader) or go at
 * once (another thread), and switch away for good. */
#include "acct.h"
#include "futex.h"
#include "pid.h"
#include "signal.h"
#include "../fs/fdtable.h"
#include "../lib/panic.h"
#include "../lib/spinlock.h"
#include "../lib/trace.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/signal.h>

struct task_struct *child_reaper;

/* mm_release — the task lets go of mm (exit, or exec replacing it): the
 * one place for the robust futexes it holds, the CLEARTID write and wake
 * (spec §7.2) and for waking a vfork parent (spec §2.6). */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	exit_robust_list(tsk);
	/* LAB threads: begin clear_child_tid */
	if (tsk->clear_child_tid) {
		if (mm->mm_users > 1) {
			put_user_u32(0, tsk->clear_child_tid);
			futex_wake_shared(tsk->clear_child_tid, 1);
		}
		tsk->clear_child_tid = NULL;
	}
	/* LAB threads: end clear_child_tid */
	/* LAB vfork: begin vfork_release */
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
	/* LAB vfork: end vfork_release */
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	if (mm->hiwater_rss * 4 > tsk->signal->dead.maxrss)	/* KiB */
		tsk->signal->dead.maxrss = mm->hiwater_rss * 4;
	mm_release(tsk, mm);
	switch_pgd(swapper_pg_dir);
	tsk->mm = NULL;
	mmput(mm);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		put_fs_struct(fs);
	}
}

/* find_new_reaper — a live thread of the group keeps the children; when
 * none is left they go to the nearest ancestor that asked for orphans
 * (prctl PR_SET_CHILD_SUBREAPER), else to init (spec §4.4.3). */
static struct task_struct *find_new_reaper(struct task_struct *tsk)
{
	struct task_struct *t, *r;

	for_each_thread(tsk->signal, t)
		if (t != tsk && !t->exit_state)
			return t;
	for (r = tsk->real_parent; r && r != child_reaper; r = r->real_parent)
		if (r->signal->is_child_subreaper && (t = live_thread(r->signal)))
			return t;
	return child_reaper;
}

/* reparent_threads — every thread of the child has the new parent
 * (getppid in any of them, and the walk of find_new_reaper, follow
 * real_parent). prctl(2) PR_SET_PDEATHSIG: each thread that asked gets
 * its signal now, even if another thread of the same process takes the
 * child over. */
static void reparent_threads(struct task_struct *tsk, struct task_struct *p,
			     struct task_struct *reaper)
{
	struct task_struct *t;
	siginfo_t info;

	for_each_thread(p->signal, t) {
		t->real_parent = reaper;
		if (!t->pdeath_signal)
			continue;
		info = (siginfo_t){ .si_signo = t->pdeath_signal,
				    .si_code = SI_USER };
		info.si_pid = tsk->tgid;
		info.si_uid = tsk->cred.uid;
		send_signal(t->pdeath_signal, &info, t, true);
	}
}

/* forget_original_parent — hand tsk's children to the new reaper. A
 * child that leaves the process gets SIGCHLD as its exit signal (no one
 * may kill init with another), and an already dead one is reported to
 * its new parent. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *reaper = find_new_reaper(tsk), *p, *n;
	struct signal_struct *s = tsk->signal;
	bool other = reaper->signal != s;

	for (p = list_entry(tsk->children.next, struct task_struct, sibling);
	     &p->sibling != &tsk->children; p = n) {
		n = list_entry(p->sibling.next, struct task_struct, sibling);
		list_del(&p->sibling);
		list_add_tail(&p->sibling, &reaper->children);
		reparent_threads(tsk, p, reaper);
		if (other && p->signal->pgrp != s->pgrp)
			kill_orphaned_pgrp(tsk, p->signal->pgrp,
					   p->signal->session, NULL);
		if (other)
			p->exit_signal = SIGCHLD;
		if (p->exit_state == EXIT_ZOMBIE && other &&
		    reaper != child_reaper && p->signal->nr_threads == 1) {
			if (do_notify_parent(p)) {	/* it wants no zombies */
				p->exit_state = EXIT_DEAD;
				release_task(p);
			}
		} else if (p->exit_state == EXIT_ZOMBIE)
			wake_up(&reaper->signal->wait_chldexit);
	}
}

/* chld_info — the siginfo of a child's end (spec §5.5.2). */
static void chld_info(siginfo_t *info, struct task_struct *tsk, int sig)
{
	int code = tsk->signal->group_exit_code;

	*info = (siginfo_t){ .si_signo = sig };
	info->si_code = cld_code(code);
	info->si_status = cld_status(code);
	info->si_pid = tsk->tgid;
	info->si_uid = tsk->cred.uid;
	info->si_utime = tsk->signal->dead.utime;
	info->si_stime = tsk->signal->dead.stime;
}

/* do_notify_parent — the group is gone: the exit signal to the parent
 * (if valid: 0 and > 64 send nothing) and its wait() woken. Returns true
 * when the parent does not want a zombie: SIGCHLD ignored, or
 * SA_NOCLDWAIT (which still gets the signal) — spec §5.5.3. */
bool do_notify_parent(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->real_parent;
	struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];
	int sig = tsk->exit_signal;
	bool autoreap = false;
	siginfo_t info;

	if (sig == SIGCHLD && (ka->handler == SIG_IGN ||
			       (ka->flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (ka->handler == SIG_IGN)
			sig = 0;
	}
	trace(exit, "group %d (%s) is gone, status 0x%x; parent %d gets "
	      "signal %d%s", tsk->tgid, tsk->comm, tsk->signal->group_exit_code,
	      parent->tgid, sig, autoreap ? ", no zombie" : "");
	chld_info(&info, tsk, sig);
	if (sig > 0 && sig <= _NSIG)
		send_signal(sig, &info, parent, true);
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

/* notify_leader_late — a zombie leader whose group is down to it: report
 * it (unless an exec is taking the group over), and release it at once
 * if its parent wants no zombie. */
static void notify_leader_late(struct task_struct *leader)
{
	/* LAB threads: begin notify_leader_late */
	struct signal_struct *sig = leader->signal;

	if (leader->exit_state == EXIT_ZOMBIE && sig->nr_threads == 1 &&
	    !sig->group_exec_task && do_notify_parent(leader)) {
		leader->exit_state = EXIT_DEAD;
		release_task(leader);
	}
	/* LAB threads: end notify_leader_late */
}

/* exit_notify — a leader becomes a zombie, reported only when it is the
 * last of its group (spec §4.3); another thread goes at once, and if it
 * was the last beside a zombie leader, that leader is reported now. A
 * thread killed by an exec in its group tells no one. */
static void exit_notify(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	if (thread_group_leader(tsk) && !sig->live && tsk->real_parent &&
	    tsk->real_parent->signal->pgrp != sig->pgrp)
		kill_orphaned_pgrp(tsk, sig->pgrp, sig->session, tsk);
	forget_original_parent(tsk);
	if (thread_group_leader(tsk) && tsk->exit_signal != -1) {
		tsk->exit_state = EXIT_ZOMBIE;
		/* LAB threads: begin leader_waits */
		if (sig->nr_threads == 1 && !sig->group_exec_task &&
		    do_notify_parent(tsk))
			tsk->exit_state = EXIT_DEAD;	/* no one will wait */
		/* LAB threads: end leader_waits */
	} else {
		tsk->exit_state = EXIT_DEAD;	/* released after the switch */
		list_del(&tsk->thread_node);
		sig->nr_threads--;
		notify_leader_late(tsk->group_leader);
	}
	if (sig->group_exec_task)
		wake_up_process(sig->group_exec_task);
	tsk->state = TASK_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* do_exit — code is the wait status already encoded: (n << 8) for
 * exit(n), the signal number for a death by signal. */
void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;
	struct signal_struct *sig = tsk->signal;
	bool group_dead = --sig->live == 0;

	tsk->flags |= PF_EXITING;
	if (group_dead && tsk->tgid == 1)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	if (group_dead)
		exit_itimers(sig);
	acct_collect(code, group_dead);
	exit_mm(tsk);
	exit_usage(tsk);
	if (group_dead)
		acct_process();		/* spec §9.2.1: after the mm, before files */
	exit_files(tsk);
	exit_fs(tsk);
	tsk->exit_code = code;
	/* the group's status: exit_group's code, else the last thread's */
	if (group_dead && !(sig->flags & SIGNAL_GROUP_EXIT))
		sig->group_exit_code = code;
	trace(exit, "pid %d (%s) exits, code 0x%x%s", tsk->pid, tsk->comm,
	      code, group_dead ? ", last of its group" : "");
	exit_notify(tsk);
	schedule();	/* a dead task is never picked again */
	panic("do_exit: a dead task ran again");
}

/* release_task — free a task for good: a reaped zombie, or a thread (or
 * kernel thread) that went straight to EXIT_DEAD. */
void release_task(struct task_struct *p)
{
	if (p->thread_node.next) {	/* a zombie leader is still listed */
		list_del(&p->thread_node);
		p->signal->nr_threads--;
	}
	unlink_task(p);
	free_pid(p->pid);
	flush_sigpending(&p->pending);
	put_signal(p->signal);
	put_sighand(p->sighand);
	free_task(p);
}

long sys_exit(int status)
{
	do_exit(__W_EXITCODE(status, 0));
}

long sys_exit_group(int status)
{
	do_group_exit(__W_EXITCODE(status, 0));
}
