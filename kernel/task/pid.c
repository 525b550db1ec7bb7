/* kernel/task/pid.c — pid allocation and lookup, and the task list a
 * new task joins; Linux kernel/pid.c (the 2.6 pidmap version); ULK 3.2.3
 * "Relationships Among Processes" (the pid hash table).
 * A pid stays allocated until the task that holds it is released: a
 * zombie keeps its pid, and so does a thread-group leader until its group
 * is gone, so a pid is never reused while anyone can still name it.
 * Allocation moves a cursor forward through a bitmap and wraps to
 * RESERVED_PIDS, like Linux: amortised O(1), and recently freed pids are
 * not handed out again at once. Lookup goes through a hash, never a scan
 * of all tasks (STYLE 9). */
#include "pid.h"
#include "signal.h"
#include "../lib/spinlock.h"
#include <asm/errno.h>

#define PIDMAP_WORDS	(PID_MAX_DEFAULT / 32)
#define PIDHASH_SIZE	256

/* under pidmap_lock: */
static u32 pidmap[PIDMAP_WORDS] = { 1 };	/* pid 0 is the idle task's */
static pid_t last_pid;
static int pids_in_use;
static struct list_head pid_hash[PIDHASH_SIZE];
static DEFINE_SPINLOCK(pidmap_lock);

static bool pid_test(pid_t pid)
{
	return pidmap[pid / 32] & (1u << (pid % 32));
}

/* find_free — the first free pid in [from, to), or -1; skips full words. */
static pid_t find_free(pid_t from, pid_t to)
{
	for (pid_t pid = from; pid < to; pid++) {
		if (pid % 32 == 0 && pidmap[pid / 32] == ~0u) {
			pid += 31;
			continue;
		}
		if (!pid_test(pid))
			return pid;
	}
	return -1;
}

/* last_pid_given — the pid most recently handed out (/proc/loadavg). */
int last_pid_given(void)
{
	return last_pid;
}

/* alloc_pid — the next free pid after the last one given, wrapping to
 * RESERVED_PIDS; -EAGAIN when all PID_MAX_DEFAULT are in use. */
int alloc_pid(void)
{
	u32 flags = spin_lock_irqsave(&pidmap_lock);
	pid_t pid = find_free(last_pid + 1, PID_MAX_DEFAULT);

	if (pid < 0)
		pid = find_free(RESERVED_PIDS, last_pid + 1);
	if (pid >= 0) {
		pidmap[pid / 32] |= 1u << (pid % 32);
		last_pid = pid;
		pids_in_use++;
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid >= 0 ? pid : -EAGAIN;
}

void free_pid(pid_t pid)
{
	u32 flags = spin_lock_irqsave(&pidmap_lock);

	if (pid > 0 && pid < PID_MAX_DEFAULT && pid_test(pid)) {
		pidmap[pid / 32] &= ~(1u << (pid % 32));
		pids_in_use--;
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

int nr_pids_in_use(void)
{
	return pids_in_use;
}

/* pid_set_last — move the cursor (self-tests of the wrap-around). */
void pid_set_last(pid_t pid)
{
	last_pid = pid;
}

void pid_init(void)
{
	for (int i = 0; i < PIDHASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
}

static struct list_head *bucket(pid_t pid)
{
	return &pid_hash[pid % PIDHASH_SIZE];
}

void attach_pid(struct task_struct *t)
{
	u32 flags = spin_lock_irqsave(&pidmap_lock);

	list_add(&t->pid_chain, bucket(t->pid));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

void detach_pid(struct task_struct *t)
{
	u32 flags = spin_lock_irqsave(&pidmap_lock);

	list_del(&t->pid_chain);
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

struct task_struct *find_task_by_vpid(pid_t pid)
{
	struct task_struct *t, *found = NULL;
	u32 flags;

	if (pid <= 0 || pid >= PID_MAX_DEFAULT)
		return NULL;
	flags = spin_lock_irqsave(&pidmap_lock);
	list_for_each_entry(t, bucket(pid), pid_chain)
		if (t->pid == pid) {
			found = t;
			break;
		}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return found;
}

/* The task list: every task but the idle task, under tasklist_lock. */
LIST_HEAD(task_list);
static unsigned long task_count;

unsigned long nr_tasks(void)
{
	return task_count;
}

/* link_task — make a new task visible, all of it at once under
 * tasklist_lock: its thread group's list, the task list, the pid hash
 * and, for a group leader, its parent's children (other threads are
 * found through the thread list, never as children). */
void link_task(struct task_struct *t)
{
	u32 flags = spin_lock_irqsave(&tasklist_lock);

	t->signal->nr_threads++;
	t->signal->live++;
	list_add_tail(&t->thread_node, &t->signal->thread_head);
	list_add_tail(&t->tasks, &task_list);
	task_count++;
	attach_pid(t);
	if (thread_group_leader(t))
		list_add_tail(&t->sibling, &t->real_parent->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* unlink_task — take a released task out of the task list, the pid hash
 * and its parent's children (the pid itself is freed by the caller). */
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
