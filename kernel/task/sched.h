/* kernel/task/sched.h — struct task_struct, task states and the scheduler
 * interface. Linux include/linux/sched.h; ULK 3.2 "Process Descriptor".
 * One task_struct per thread of execution; its kernel stack is a separate
 * 8 KiB block (THREAD_SIZE), as on Linux i386 with 8K stacks. */
#ifndef CLONIX_SCHED_H
#define CLONIX_SCHED_H

#include "../cpu/mmu.h"
#include "../lib/kernel.h"
#include "../lib/list.h"

#define THREAD_SIZE_ORDER	1
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)
#define TASK_COMM_LEN		16
#define DEF_TIMESLICE		5	/* ticks (50 ms) before preemption */

/* task->state (ULK 3.2.1) */
#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_DEAD		64	/* exited; its stack is freed after the
					   switch away from it */

/* task->flags */
#define PF_KTHREAD		0x00200000	/* a kernel thread, no user space */
#define PF_IDLE			0x00000002	/* the idle task */

typedef int pid_t;

struct task_struct {
	/* private to the task and the scheduler: */
	volatile long state;
	u32 flags;
	int time_slice;			/* ticks left before preemption */
	bool need_resched;		/* set by the tick, acted on at exit
					   from an interrupt to user mode */
	u32 sp;				/* saved kernel %esp while switched out */
	void *stack;			/* the THREAD_SIZE kernel stack */

	/* under rq_lock: */
	struct list_head run_list;	/* on the runqueue while runnable */
	bool on_rq;

	/* under tasklist_lock: */
	pid_t pid;			/* unique per task (the TID) */
	pid_t tgid;			/* thread group id: pid of the leader */
	struct list_head tasks;		/* every task, for procdump */
	struct list_head pid_chain;	/* pid hash bucket */

	int exit_code;
	char comm[TASK_COMM_LEN];	/* name of the executable */
};

extern struct task_struct *current;

void sched_init(void);
void schedule(void);
void yield(void);
void wake_up_process(struct task_struct *p);
void scheduler_tick(void);
void update_process_times(void);
void __noreturn cpu_idle(void);
void schedule_tail(void);
unsigned long nr_tasks(void);
void set_task_comm(struct task_struct *t, const char *name);

struct task_struct *kernel_thread(int (*fn)(void *), void *arg,
				  const char *name);
void __noreturn do_exit_kthread(int code);

void procdump(void);

#endif
