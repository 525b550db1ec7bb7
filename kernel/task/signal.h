/* kernel/task/signal.h — the thread group's shared state and the table of
 * signal dispositions. Linux include/linux/sched/signal.h; ULK 3.2.3 and
 * 11.1.2. clone(CLONE_THREAD) shares the signal_struct (one per process),
 * clone(CLONE_SIGHAND) the sighand_struct; each has a count and get/put
 * helpers (kernel/task/signal.c). Delivery of signals is the signals
 * issue; the table, its sharing and group exit are here. */
#ifndef CLONIX_SIGNAL_H
#define CLONIX_SIGNAL_H

#include "sched.h"
#include <asm/signal.h>

#define SIGNAL_GROUP_EXIT	0x00000004	/* exit_group or fatal signal */

/* struct k_sigaction — the i386 kernel's struct sigaction (rt_sigaction). */
struct k_sigaction {
	u32 handler;
	u32 flags;
	u32 restorer;
	u64 mask;
};

struct sighand_struct {
	int count;			/* tasks sharing it (CLONE_SIGHAND) */
	unsigned int id;		/* a number for the sharing view */
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	int sigcnt;			/* references (threads, zombies) */
	unsigned int id;
	int live;			/* threads that have not exited */
	int nr_threads;			/* threads on thread_head */
	struct list_head thread_head;
	u32 flags;			/* SIGNAL_GROUP_EXIT */
	int group_exit_code;		/* what the parent's wait reports */
	struct task_struct *group_exec_task;	/* an exec killing the rest */
	struct wait_queue_head wait_chldexit;	/* wait() of any thread */
};

struct sighand_struct *alloc_sighand(void);
struct sighand_struct *copy_sighand_struct(struct sighand_struct *old);
void put_sighand(struct sighand_struct *sh);
struct signal_struct *alloc_signal(void);
void put_signal(struct signal_struct *sig);
unsigned int next_object_id(void);
void flush_signal_handlers(struct task_struct *t);

#define for_each_thread(sig, t) \
	list_for_each_entry(t, &(sig)->thread_head, thread_node)

#endif
