/* kernel/task/procdump.c — the task table as text, one line a task with
 * the structures it shares: read from /dev/tasks and printed by ^P on the
 * console (xv6's procdump). */
#include "signal.h"
#include "../fs/fdtable.h"
#include "../lib/printk.h"
#include "../mm/mm.h"

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
