/* kernel/task/kthread.c — kernel threads: tasks that never leave the
 * kernel. Linux kernel/kthread.c and kernel/fork.c (alloc_task_struct,
 * free_task), reduced: a thread runs fn(arg) and ends with its value.
 *
 * A new thread's kernel stack is laid out so that switch_stacks "returns"
 * into ret_from_kernel_thread (kernel/cpu/switch.asm) with ebx = arg and
 * esi = fn; from the saved sp upward:
 *	edi=0  esi=fn  ebx=arg  ebp=0  ret_from_kernel_thread */
#include "pid.h"
#include "../lib/objstat.h"
#include "signal.h"
#include "../cpu/x86.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../lib/spinlock.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../mm/mm.h"
#include "../fs/fdtable.h"
#include <asm/errno.h>

extern char ret_from_kernel_thread[];

LIST_HEAD(task_list);			/* under tasklist_lock */
static unsigned long task_count;
DEFINE_SPINLOCK(tasklist_lock);

unsigned long nr_tasks(void)
{
	return task_count;
}

/* alloc_task_struct — a zeroed task_struct and its kernel stack. */
struct task_struct *alloc_task_struct(void)
{
	struct task_struct *t = kzalloc(sizeof(*t));
	struct page *stack = alloc_pages(THREAD_SIZE_ORDER);

	if (!t || !stack) {
		kfree(t);
		if (stack)
			__free_pages(stack, THREAD_SIZE_ORDER);
		return NULL;
	}
	kobj_new(KOBJ_TASK);
	t->stack = page_address(stack);
	*end_of_stack(t) = STACK_END_MAGIC;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	init_sigpending(&t->pending);
	return t;
}

void free_task(struct task_struct *t)
{
	__free_pages(virt_to_page(t->stack), THREAD_SIZE_ORDER);
	kobj_del(KOBJ_TASK);
	kfree(t);
}

/* link_task — make t visible: task list, pid hash and, for a group
 * leader, its parent's children (other threads are found through the
 * thread list, never as children). */
void link_task(struct task_struct *t, struct task_struct *parent,
	       bool leader)
{
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	list_add_tail(&t->tasks, &task_list);
	task_count++;
	attach_pid(t);
	t->real_parent = parent;
	if (leader)
		list_add_tail(&t->sibling, &parent->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* unlink_task — undo link_task (the pid itself is freed by the caller). */
void unlink_task(struct task_struct *t)
{
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	list_del(&t->tasks);
	detach_pid(t);
	task_count--;
	if (t->sibling.next && !list_empty(&t->sibling))
		list_del(&t->sibling);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* seed_stack — the frame switch_stacks pops for a new kernel thread,
 * below room for a struct pt_regs: if fn returns 0 after an exec, the
 * thread leaves for user mode through those registers (Linux's
 * kernel_init does this with kernel_execve). */
static void seed_stack(struct task_struct *t, int (*fn)(void *), void *arg)
{
	u32 *sp = (u32 *)task_pt_regs(t);

	*--sp = (u32)ret_from_kernel_thread;
	*--sp = 0;			/* ebp: ends the backtrace */
	*--sp = (u32)arg;		/* ebx */
	*--sp = (u32)fn;		/* esi */
	*--sp = 0;			/* edi */
	t->sp = (u32)sp;
}

/* kernel_thread — a runnable task that calls fn(arg) in the kernel; a
 * child of the caller, released as soon as it ends (no zombie). */
struct task_struct *kernel_thread(int (*fn)(void *), void *arg,
				  const char *name)
{
	struct task_struct *t = alloc_task_struct();
	int pid = t ? alloc_pid() : -ENOMEM;

	if (t && pid >= 0) {
		t->signal = alloc_signal();
		t->sighand = alloc_sighand();
	}
	if (pid < 0 || !t->signal || !t->sighand) {
		if (pid >= 0)
			free_pid(pid);
		if (t) {
			put_signal(t->signal);
			put_sighand(t->sighand);
			free_task(t);
		}
		return NULL;
	}
	t->pid = t->tgid = pid;
	t->group_leader = t;
	t->exit_signal = -1;		/* released at once when it ends */
	t->signal->nr_threads = t->signal->live = 1;
	list_add_tail(&t->thread_node, &t->signal->thread_head);
	t->flags = PF_KTHREAD;
	set_task_comm(t, name);
	fpu_copy(t);
	/* shared with the creator, as Linux's kernel threads share
	 * (CLONE_FILES | CLONE_FS); an exec takes a private table */
	if ((t->files = current->files))
		get_files_struct(t->files);
	if ((t->fs = current->fs))
		get_fs_struct(t->fs);
	seed_stack(t, fn, arg);
	link_task(t, current, true);
	wake_up_process(t);
	return t;
}

/* kthread_return — fn returned: go to user mode if it exec'd and said 0
 * (returns the pt_regs to leave through), else end the thread. */
struct pt_regs *kthread_return(int ret)
{
	if (ret == 0 && current->mm) {
		current->flags &= ~PF_KTHREAD;
		return task_pt_regs(current);
	}
	do_exit(__W_EXITCODE(ret, 0));	/* exit_signal -1: released at once */
}

/* procdump — ^P: the task list on the console (xv6 procdump). */
void procdump(void)
{
	static char buf[4096];

	render_tasks(buf, sizeof(buf));
	printk("%s", buf);
}

/* object — "id/count" of a shared structure, "-" when there is none. */
static int object(char *buf, int size, unsigned int id, int count, bool has)
{
	return has ? snprintf(buf, size, " %4u/%-3d", id, count) :
		     snprintf(buf, size, " %8s", "-");
}

/* state_name — the letter ps shows for a task's state */
static const char *state_name(struct task_struct *t)
{
	static const char *const states[] = { "R", "S", "D", "X", "T" };

	if (t->exit_state == EXIT_ZOMBIE)
		return "Z";
	return t->state <= TASK_STOPPED ? states[t->state] : "X";
}

/* render_task — one line: ids and states, then which mm, files, fs,
 * sighand and signal (thread group) objects the task points at, each as
 * id/refcount, so that sharing by clone() is visible. */
static int render_task(char *buf, int size, struct task_struct *t)
{
	int n = snprintf(buf, size, "%5d %5d %5d %-2s", t->pid, t->tgid,
			 t->real_parent ? t->real_parent->tgid : 0,
			 state_name(t));

	n += object(buf + n, size - n, t->mm ? t->mm->id : 0,
		    t->mm ? t->mm->mm_users : 0, t->mm);
	n += object(buf + n, size - n, t->files ? t->files->id : 0,
		    t->files ? t->files->count : 0, t->files);
	n += object(buf + n, size - n, t->fs ? t->fs->id : 0,
		    t->fs ? t->fs->users : 0, t->fs);
	n += object(buf + n, size - n, t->sighand ? t->sighand->id : 0,
		    t->sighand ? t->sighand->count : 0, t->sighand);
	n += object(buf + n, size - n, t->signal->id, t->signal->nr_threads,
		    true);
	return n + snprintf(buf + n, size - n, " %s\n", t->comm);
}

/* render_tasks — /dev/tasks and ^P: the header, then each task. */
int render_tasks(char *buf, int size)
{
	struct task_struct *t;
	u32 flags = spin_lock_irqsave(&tasklist_lock);
	int n = snprintf(buf, size, "  PID  TGID  PPID ST   MM/use  FILES/u"
			 "     FS/u SIGHND/u THREADS/n COMMAND\n");

	list_for_each_entry(t, &task_list, tasks) {
		if (n >= size - 120)
			break;
		n += render_task(buf + n, size - n, t);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}
