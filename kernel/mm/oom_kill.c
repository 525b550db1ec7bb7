/* kernel/mm/oom_kill.c — what a page fault does when no frame is left;
 * Linux mm/oom_kill.c (out_of_memory, select_bad_process,
 * oom_kill_process), reduced. The victim is the process with the most
 * frames mapped (its rss), never init and never a kernel thread; it gets
 * SIGKILL and the console says who and why. The faulting task then
 * retries its access: if it was the victim it dies on the way back to user
 * mode, else the victim's exit gives frames back. */
#include "mm.h"
#include "../lib/printk.h"
#include "../lib/trace.h"
#include "page.h"
#include "../task/signal.h"
#include <asm/signal.h>

/* oom_unkillable — Linux oom_unkillable_task: init and kernel threads. */
static bool oom_unkillable(struct task_struct *t)
{
	return t->tgid == 1 || (t->flags & PF_KTHREAD) || !t->mm ||
	       t->exit_state;
}

/* dying — already being killed (by us or anyone): wait for it instead
 * of choosing a second victim (Linux tsk_is_oom_victim). */
static bool dying(struct task_struct *t)
{
	return fatal_signal_pending(t) ||
	       (t->signal->flags & SIGNAL_GROUP_EXIT);
}

/* select_bad_process — the biggest killable process, or NULL; *waiting
 * is set when one is already on its way out. */
static struct task_struct *select_bad_process(bool *waiting)
{
	struct task_struct *t, *chosen = NULL;

	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || oom_unkillable(t))
			continue;
		if (dying(t)) {
			*waiting = true;
			return NULL;
		}
		if (!chosen || t->mm->rss > chosen->mm->rss)
			chosen = t;
	}
	return chosen;
}

#define OOM_MIN_FREE	8	/* frames: fewer, and memory is really out */

/* out_of_memory — kill the biggest process; false if there is none to
 * kill or wait for (only init is left wanting memory). An allocation
 * that failed with frames still free (fault injection, /dev/fail-nth) is
 * just retried, as Linux's pagefault_out_of_memory does. */
bool out_of_memory(void)
{
	siginfo_t info = { .si_signo = SIGKILL, .si_code = SI_KERNEL };
	bool waiting = false;
	struct task_struct *victim;

	if (nr_free_pages() >= OOM_MIN_FREE) {
		trace(mm, "page fault of pid %d: no frame with %lu free: retry",
		      current->pid, nr_free_pages());
		return true;
	}
	victim = select_bad_process(&waiting);
	if (waiting) {
		yield();	/* let the dying one run and free its frames */
		return true;
	}
	if (!victim)
		return false;
	printk("Out of memory: Killed process %d (%s) total-vm:%lukB, "
	       "anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u "
	       "(page fault of pid %d)\n", victim->pid,
	       victim->comm, victim->mm->total_vm * (PAGE_SIZE / 1024),
	       (victim->mm->rss - victim->mm->rss_file - victim->mm->rss_shmem) *
	       (PAGE_SIZE / 1024), victim->mm->rss_file * (PAGE_SIZE / 1024),
	       victim->mm->rss_shmem * (PAGE_SIZE / 1024), victim->cred.uid,
	       current->pid);
	send_signal(SIGKILL, &info, victim, true);
	return true;
}
