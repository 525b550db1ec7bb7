/* kernel/task/exit.c — how a process ends; Linux kernel/exit.c (do_exit,
 * exit_mm, exit_notify, forget_original_parent, release_task); ULK 3.5.
 * Order, as in ULK: give back the address space, record the exit code,
 * hand the children to init, become a zombie and wake the parent, then
 * switch away for good. The parent's wait() releases the zombie. */
#include "pid.h"
#include "sched.h"
#include "../lib/panic.h"
#include "../lib/spinlock.h"
#include "../lib/trace.h"
#include "../fs/fdtable.h"
#include "../mm/mm.h"

extern spinlock_t tasklist_lock;
struct task_struct *child_reaper;

/* exit_mm — leave the address space; the last user frees it. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	switch_pgd(swapper_pg_dir);
	tsk->mm = NULL;
	mmput(mm);
}

/* exit_files — drop the descriptor table (closing what it held). */
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

/* forget_original_parent — my children become init's (ULK 3.5.1). A
 * child that is already a zombie must then be reaped by init: wake it. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *p, *n;

	for (p = list_entry(tsk->children.next, struct task_struct, sibling);
	     &p->sibling != &tsk->children; p = n) {
		n = list_entry(p->sibling.next, struct task_struct, sibling);
		list_del(&p->sibling);
		p->real_parent = child_reaper;
		list_add_tail(&p->sibling, &child_reaper->children);
		if (p->exit_state == EXIT_ZOMBIE)
			wake_up(&child_reaper->wait_chldexit);
	}
}

static void exit_notify(struct task_struct *tsk)
{
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	forget_original_parent(tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	tsk->state = TASK_DEAD;
	trace(exit, "pid %d (%s) exits with status 0x%x; parent %d wakes",
	      tsk->pid, tsk->comm, tsk->exit_code, tsk->real_parent->pid);
	wake_up(&tsk->real_parent->wait_chldexit);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* do_exit — code is the wait status already encoded: (status << 8) for
 * exit(status), or the signal number for a death by signal. */
void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;

	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	tsk->exit_code = code;
	exit_notify(tsk);
	schedule();	/* a zombie is never picked again */
	panic("do_exit: a dead task ran again");
}

/* release_task — the parent has collected the zombie: free it all. */
void release_task(struct task_struct *p)
{
	unlink_task(p);
	free_pid(p->pid);
	free_task(p);
}

long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}

/* sys_exit_group — one thread per process until thread groups arrive
 * with clone(CLONE_THREAD); then it will end every thread. */
long sys_exit_group(int status)
{
	do_exit((status & 0xff) << 8);
}
