/* kernel/task/kthread.c — kernel threads: tasks that never leave the
 * kernel. Linux kernel/kthread.c and kernel/fork.c (alloc_task_struct,
 * free_task), reduced: a thread runs fn(arg) and ends with its value.
 *
 * A new thread's kernel stack is laid out so that switch_stacks "returns"
 * into ret_from_kernel_thread (kernel/cpu/switch.asm) with ebx = arg and
 * esi = fn; from the saved sp upward:
 *	edi=0  esi=fn  ebx=arg  ebp=0  ret_from_kernel_thread */
#include "pid.h"
#include "sched.h"
#include "../cpu/x86.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../lib/spinlock.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../fs/fdtable.h"

extern char ret_from_kernel_thread[];

static LIST_HEAD(task_list);		/* under tasklist_lock */
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
	t->stack = page_address(stack);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	init_waitqueue_head(&t->wait_chldexit);
	return t;
}

void free_task(struct task_struct *t)
{
	__free_pages(virt_to_page(t->stack), THREAD_SIZE_ORDER);
	kfree(t);
}

/* link_task — make t visible: task list, pid hash, parent's children. */
void link_task(struct task_struct *t, struct task_struct *parent)
{
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	list_add_tail(&t->tasks, &task_list);
	task_count++;
	attach_pid(t);
	t->real_parent = parent;
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
	int pid;

	if (!t)
		return NULL;
	pid = alloc_pid();
	if (pid < 0) {
		free_task(t);
		return NULL;
	}
	t->pid = t->tgid = pid;
	t->flags = PF_KTHREAD;
	set_task_comm(t, name);
	/* shared with the creator, as Linux's kernel threads share
	 * (CLONE_FILES | CLONE_FS); an exec takes a private table */
	if ((t->files = current->files))
		get_files_struct(t->files);
	if ((t->fs = current->fs))
		get_fs_struct(t->fs);
	seed_stack(t, fn, arg);
	link_task(t, current);
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
	do_exit_kthread(ret);
}

/* do_exit_kthread — the end of a kernel thread: unlink it and switch
 * away for good; the next task frees it (finish_task_switch). */
void __noreturn do_exit_kthread(int code)
{
	struct task_struct *t = current;

	t->exit_code = code;
	exit_files(t);
	exit_fs(t);
	unlink_task(t);
	t->exit_state = EXIT_DEAD;
	t->state = TASK_DEAD;
	schedule();
	for (;;)
		halt();		/* not reached: a dead task is never picked */
}

/* release_kthread — called in the next task after a thread died. */
void release_kthread(struct task_struct *t)
{
	free_pid(t->pid);
	free_task(t);
}

/* procdump — ^P: the task list on the console (xv6 procdump). */
void procdump(void)
{
	static char buf[4096];

	render_tasks(buf, sizeof(buf));
	printk("%s", buf);
}

/* render_tasks — the task list as text, for /dev/tasks (ps). */
int render_tasks(char *buf, int size)
{
	static const char *const states[] = { "R", "S", "D" };
	struct task_struct *t;
	u32 flags = spin_lock_irqsave(&tasklist_lock);
	int n = snprintf(buf, size, "  PID  TGID  PPID STATE COMMAND\n");

	list_for_each_entry(t, &task_list, tasks) {
		if (n >= size)
			break;
		n += snprintf(buf + n, size - n, "%5d %5d %5d %-5s %s\n", t->pid,
			      t->tgid, t->real_parent ? t->real_parent->tgid : 0,
			      t->exit_state == EXIT_ZOMBIE ? "Z" :
			      t->state < 3 ? states[t->state] : "X", t->comm);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}
