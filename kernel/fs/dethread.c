/* kernel/fs/dethread.c — execve from a thread: de_thread; Linux
 * fs/exec.c (de_thread); spec §4.5. Every other thread of the group is
 * killed and waited for; a non-leader caller then takes over the
 * leader's pid and place, and the old leader is released without anyone
 * being notified. After it the process is one thread with SIGCHLD as
 * exit signal; exec.c's setup_new_exec resets the rest. */
#include "../task/pid.h"
#include "../task/signal.h"
#include "../lib/spinlock.h"
#include <asm/errno.h>


/* others_gone — nobody but me (and a zombie leader) is left. */
static bool others_gone(struct task_struct *tsk)
{
	struct task_struct *t;

	for_each_thread(tsk->signal, t)
		if (t != tsk && (t != tsk->group_leader || !t->exit_state))
			return false;
	return true;
}

/* take_over_leader — tsk becomes the leader: its pid and its place. */
static void take_over_leader(struct task_struct *tsk)
{
	/* LAB threads: begin take_over_leader */
	struct task_struct *leader = tsk->group_leader;
	u32 flags = spin_lock_irqsave(&tasklist_lock);
	pid_t old = tsk->pid;

	detach_pid(tsk);
	detach_pid(leader);
	tsk->pid = leader->pid;
	leader->pid = old;
	attach_pid(tsk);
	attach_pid(leader);
	tsk->group_leader = tsk;
	leader->group_leader = tsk;
	tsk->real_parent = leader->real_parent;
	list_add(&tsk->sibling, &leader->sibling);	/* its place */
	list_del(&leader->sibling);
	INIT_LIST_HEAD(&leader->sibling);
	leader->exit_signal = -1;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	release_task(leader);	/* frees the old TID, now the leader's */
	/* LAB threads: end take_over_leader */
}

int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;

	if (sig->nr_threads > 1) {
		if (sig->flags & SIGNAL_GROUP_EXIT || sig->group_exec_task)
			return -EAGAIN;
		sig->group_exec_task = tsk;
		zap_other_threads(tsk);
		while (!others_gone(tsk) && !fatal_signal_pending(tsk)) {
			tsk->state = TASK_INTERRUPTIBLE;
			if (!others_gone(tsk))
				schedule();
			tsk->state = TASK_RUNNING;
		}
		sig->group_exec_task = NULL;
		if (fatal_signal_pending(tsk))
			return -EAGAIN;
		if (!thread_group_leader(tsk))
			take_over_leader(tsk);
	}
	tsk->exit_signal = SIGCHLD;	/* spec §4.5.5 */
	return 0;
}
