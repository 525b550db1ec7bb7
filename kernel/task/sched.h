/* kernel/task/sched.h — struct task_struct, task states and the scheduler
 * interface. Linux include/linux/sched.h; ULK 3.2 "Process Descriptor".
 * One task_struct per thread of execution; its kernel stack is a separate
 * 8 KiB block (THREAD_SIZE), as on Linux i386 with 8K stacks. */
#ifndef CLONIX_SCHED_H
#define CLONIX_SCHED_H

#include "../cpu/fpu.h"
#include "../cpu/mmu.h"
#include "../cpu/ptrace.h"
#include "../lib/kernel.h"
#include "../lib/list.h"
#include "../lib/spinlock.h"
#include "cred.h"
#include "waitqueue.h"

#define THREAD_SIZE_ORDER	1
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)
#define TASK_COMM_LEN		16

/* task->state (ULK 3.2.1) */
#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_STOPPED		4	/* job control: until SIGCONT or SIGKILL */
#define TASK_DEAD		64	/* exited: never runs again */

/* task->exit_state */
#define EXIT_ZOMBIE		16	/* waiting for its parent's wait() */
#define EXIT_DEAD		32	/* being released; kernel threads go
					   straight here */

/* task->flags */
#define PF_KTHREAD		0x00200000	/* a kernel thread, no user space */
#define PF_IDLE			0x00000002	/* the idle task */
#define PF_EXITING		0x00000004	/* in do_exit: leaves its CPU soon */
#define PF_SUPERPRIV		0x00000100	/* used root's privilege (acct ASU) */
#define PF_FORKNOEXEC		0x00000040	/* forked, has not exec'd (AFORK) */


struct task_struct {
	/* private to the task and the scheduler: */
	volatile long state;
	u32 flags;
	int time_slice;			/* ticks left before preemption */
	int nice;			/* -20 .. 19 (kernel/task/priority.c) */
	bool need_resched;		/* set by the tick, acted on at exit
					   from an interrupt to user mode */
	u32 sp;				/* saved kernel %esp while switched out */
	int cpu;			/* the CPU it runs or last ran on */
	int lock_depth;			/* big kernel lock nesting (kernel_lock.c) */
	void *stack;			/* the THREAD_SIZE kernel stack */

	/* under rq_lock: */
	struct list_head run_list;	/* on the runqueue while runnable */
	bool on_rq;
	bool on_cpu;			/* running on cpus[cpu] now */
	unsigned long queued_at;	/* jiffies when it joined the runqueue */
	u32 cpus_allowed;		/* sched_setaffinity(2): a bit per CPU */

	/* under tasklist_lock: */
	pid_t pid;			/* unique per task (the TID) */
	pid_t tgid;			/* thread group id: pid of the leader */
	struct list_head tasks;		/* every task, for procdump */
	struct list_head pid_chain;	/* pid hash bucket */
	struct task_struct *real_parent;
	struct list_head children;	/* my children, by their sibling */
	struct list_head sibling;	/* in my parent's children */
	int exit_state;
	int exit_signal;		/* sent to the parent at exit; -1 for
					   a thread (never notifies) */
	int pdeath_signal;		/* prctl(PR_SET_PDEATHSIG): sent when
					   the parent thread exits */
	struct task_struct *group_leader;	/* the thread whose pid = tgid */
	struct list_head thread_node;	/* in signal->thread_head */

	/* shared per clone() flags, each refcounted (kernel/task/fork.c): */
	struct signal_struct *signal;	/* the thread group's (CLONE_THREAD) */
	struct sighand_struct *sighand;	/* dispositions (CLONE_SIGHAND) */

	/* the TID words of clone(2) and set_tid_address(2): */
	u32 *set_child_tid;		/* written by the child at its start */
	u32 *clear_child_tid;		/* zeroed + futex-woken at mm release */
	struct completion *vfork_done;	/* a vfork parent waits on this */
	bool sigkill;			/* killed: exit at the next chance */
	/* signals (private to the task; kernel/task/signal.c): */
	u64 blocked;			/* the signal mask */
	u64 saved_sigmask;		/* sigsuspend's mask to put back */
	bool restore_sigmask;
	struct cred cred;		/* its ids (kernel/task/cred.c) */
	u32 sas_ss_sp, sas_ss_size;	/* sigaltstack(2); size 0: none */
	struct restart_block {		/* how restart_syscall goes on */
		long (*fn)(struct restart_block *);
		u64 expires;		/* the tick the sleep ends at */
		union {
			struct {	/* nanosleep */
				void *urem;	/* where the time left goes */
				bool time64;	/* ... as __kernel_timespec */
			} nanosleep;
			struct {	/* poll */
				void *ufds;
				u32 nfds;
			} poll;
			struct {	/* futex wait with a timeout */
				u32 *uaddr;
				u32 val, bitset;
				bool private;
			} futex;
		};
	} restart_block;
	struct sigpending {
		u64 signal;
		struct list_head list;
	} pending;			/* thread-directed signals */
	u32 robust_list;		/* set_robust_list(2)'s head, or 0 */
	u32 trace_mask;			/* its own trace channels (inherited) */
	/* a kernel buffer user copies may reach (mm/uaccess.h), or 0, 0 */
	unsigned long kwindow_start, kwindow_end;
	u64 tls_array[3];		/* GDT entries 6-8 (set_thread_area) */
	struct fxregs_state fpu;	/* x87/SSE state while switched out */

	/* the address space and file tables; NULL for a kernel thread: */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;
	unsigned long min_flt, maj_flt;	/* page faults without / with I/O */
	unsigned long utime, stime;	/* ticks charged in user / kernel */
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary switches */

	int exit_code;
	int fail_nth;			/* fault injection: /dev/fail-nth */
	char comm[TASK_COMM_LEN];	/* name of the executable */
};

struct mm_struct;
struct files_struct;
struct fs_struct;

/* fatal_signal_pending — the task is being killed (exit_group, exec from
 * another thread): killable sleeps end with -EINTR, and the return to
 * user mode becomes an exit (SIGKILL's effect, kept apart from the
 * ordinary signal sets so that nothing can block or catch it). */
static inline bool fatal_signal_pending(struct task_struct *t)
{
	return t->sigkill;
}

static inline bool thread_group_leader(struct task_struct *t)
{
	return t->group_leader == t;
}

/* The two lowest words of a kernel stack: the task it belongs to (what
 * current reads), then a canary, which a stack that grew past its 8 KiB
 * overwrites first: schedule() panics when it finds it changed (Linux
 * STACK_END_MAGIC). Stacks are THREAD_SIZE-aligned blocks. */
#define STACK_END_MAGIC		0x57AC6E9D
#define end_of_stack(t)		((u32 *)(t)->stack + 1)
#define stack_owner(t)		(*(struct task_struct **)(t)->stack)

/* current — the task running on this CPU: the owner of the kernel stack
 * %esp is on (Linux i386 before 4.x, ULK 3.2.2.1). Each CPU runs on its
 * own task's stack, so this is per-CPU without any per-CPU register. */
static inline struct task_struct *get_current(void)
{
	u32 sp;

	__asm__("movl %%esp, %0" : "=r"(sp));
	return *(struct task_struct **)(sp & ~(THREAD_SIZE - 1));
}
#define current get_current()

/* task_pt_regs — the user registers saved at the top of the kernel stack
 * on every entry from user mode (Linux task_pt_regs). */
#define task_pt_regs(t) \
	((struct pt_regs *)((char *)(t)->stack + THREAD_SIZE) - 1)

extern struct task_struct init_task;	/* CPU 0's idle task, pid 0 */
extern spinlock_t tasklist_lock;	/* the task list, parents and children */

void sched_init(void);
struct task_struct *fork_idle(int cpu);
void schedule(void);
void yield(void);
void wake_up_process(struct task_struct *p);
void wake_up_new_task(struct task_struct *p);
void kick_cpu_of(struct task_struct *t);
void set_cpus_allowed(struct task_struct *p, u32 mask);
void scheduler_tick(void);
void update_process_times(bool user);
void tick_global(void);
unsigned long nr_running(void);
extern struct cpustat {
	unsigned long long user, system, idle, ctxt;	/* ticks; switches */
} cpustat;
extern unsigned long avenrun[3];	/* load averages, 11-bit fixed point */
extern unsigned long total_forks;
void __noreturn cpu_idle(void);
void schedule_tail(void);
unsigned long nr_tasks(void);
int task_timeslice(const struct task_struct *p);
extern unsigned long max_threads;
void fork_init(void);
void set_task_comm(struct task_struct *t, const char *name);

long kernel_thread(int (*fn)(void *), void *arg, const char *name);
struct task_struct *alloc_task_struct(void);
void free_task(struct task_struct *t);
void link_task(struct task_struct *t);
void unlink_task(struct task_struct *t);
void __noreturn do_exit(int code);
void release_task(struct task_struct *t);
void mm_release(struct task_struct *tsk, struct mm_struct *mm);
void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);

extern struct task_struct *child_reaper;	/* init: adopts orphans */
extern struct list_head task_list;		/* every task */

void __noreturn do_group_exit(int code);
void zap_other_threads(struct task_struct *t);
void exit_if_killed(void);

void procdump(void);
int render_tasks(char *buf, int size);

#endif
