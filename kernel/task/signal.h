/* kernel/task/signal.h — the thread group's shared state and the table of
 * signal dispositions. Linux include/linux/sched/signal.h; ULK 3.2.3 and
 * 11.1.2. clone(CLONE_THREAD) shares the signal_struct (one per process),
 * clone(CLONE_SIGHAND) the sighand_struct; each has a count and get/put
 * helpers (kernel/task/signal.c); sending is signal.c's, delivery to a
 * handler kernel/cpu/signal_frame.c's. */
#ifndef CLONIX_SIGNAL_H
#define CLONIX_SIGNAL_H

#include "sched.h"
#include "timer.h"
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <linux/resource.h>

/* Kernel-internal restart codes, never seen by user space (spec §1.2). */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516	/* restart_syscall: continue it */

#define SIG_DFL			0
#define SIG_IGN			1
#define SA_NOCLDSTOP		0x00000001
#define SA_NOCLDWAIT		0x00000002
#define SA_SIGINFO		0x00000004
#define SA_RESTORER		0x04000000
#define SA_ONSTACK		0x08000000
#define SA_RESTART		0x10000000
#define SA_NODEFER		0x40000000
#define SA_RESETHAND		0x80000000

#define sigmask(sig)		(1ULL << ((sig) - 1))
#define SIG_KERNEL_ONLY		(sigmask(SIGKILL) | sigmask(SIGSTOP))

/* struct sigqueue — one pending signal's information (a standard signal
 * is pending at most once; a real-time one once per sending, up to
 * RLIMIT_SIGPENDING, as Linux). */
struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

/* struct sigpending (in sched.h, inside task_struct): which signals are
 * pending, and their sigqueue entries. */

#define SIGNAL_STOP_STOPPED	0x00000001	/* the group is stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* continued, not yet waited */
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

/* struct usage — what getrusage, wait4 and times count (ticks, faults,
 * context switches, KiB). */
struct usage {
	unsigned long utime, stime, min_flt, maj_flt, nvcsw, nivcsw, maxrss;
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
	struct sigpending shared_pending;	/* process-directed signals */
	pid_t pgrp, session;			/* process group and session */
	/* CPU time and faults (ULK 3.4; getrusage; kernel/task/usage.c) */
	struct usage dead;			/* threads that have exited */
	struct usage cusage;			/* reaped children's, with
						   their descendants */
	struct timer_list real_timer;		/* alarm, ITIMER_REAL */
	unsigned long it_real_incr;		/* its interval, ticks */
	u64 start_time;				/* jiffies at the fork (acct) */
	struct rlimit64 rlim[RLIM_NLIMITS];	/* kernel/task/resource.c */
	struct pacct_struct {			/* collected for acct */
		u8 ac_flag;			/* AFORK ASU ACORE AXSIG */
		u32 ac_exitcode;		/* the leader's */
		unsigned long ac_mem;		/* KiB, at the last exit */
	} pacct;
	struct cpu_itimer {			/* ITIMER_VIRTUAL, ITIMER_PROF */
		unsigned long value, incr;	/* ticks left, interval */
	} it[2];
	int stop_sig;				/* what stopped the group */
	bool stop_reported;			/* WUNTRACED has seen it */
	bool notify_continued;			/* CLD_CONTINUED is owed */
	bool is_child_subreaper;		/* PR_SET_CHILD_SUBREAPER */
};

struct sighand_struct *alloc_sighand(void);
struct sighand_struct *copy_sighand_struct(struct sighand_struct *old);
void put_sighand(struct sighand_struct *sh);
struct signal_struct *alloc_signal(void);
void put_signal(struct signal_struct *sig);
unsigned int next_object_id(void);
void flush_signal_handlers(struct task_struct *t);
void init_sigpending(struct sigpending *p);
void flush_sigpending(struct sigpending *p);
int send_signal(int sig, siginfo_t *info, struct task_struct *t, bool group);
struct task_struct *live_thread(struct signal_struct *sig);

/* The wait status (spec §1.4), encoded as Linux does: what wait4 reports
 * and what exit, a fatal signal, a stop and a continue leave behind. */
#define __W_EXITCODE(ret, sig)	((((ret) & 0xff) << 8) | (sig))
#define __W_STOPCODE(sig)	(((sig) << 8) | 0x7f)
#define __W_CONTINUED		0xffff
#define __WCOREFLAG		0x80
#define __WTERMSIG(status)	((status) & 0x7f)	/* 0: an exit */

/* cld_code — waitid's and SIGCHLD's si_code for an ended child */
static inline int cld_code(int status)
{
	return !__WTERMSIG(status) ? CLD_EXITED :
	       status & __WCOREFLAG ? CLD_DUMPED : CLD_KILLED;
}

/* cld_status — si_status for an ended child: its exit code or signal */
static inline int cld_status(int status)
{
	return !__WTERMSIG(status) ? (status >> 8) & 0xff : __WTERMSIG(status);
}
/* usage.c */
struct usage task_usage(const struct task_struct *t);
void usage_add(struct usage *to, const struct usage *from);
void group_usage(struct task_struct *p, struct usage *u);
void child_usage(struct task_struct *p, struct usage *u);
void exit_usage(struct task_struct *tsk);
struct rusage;
void usage_to_rusage(struct rusage *ru, const struct usage *u);
void process_times(unsigned long t[4]);
void force_sig_fault(int sig, int code, u32 addr);
void force_sigsegv(int sig);
void force_fatal_sig(int sig);
bool signal_pending(struct task_struct *t);
void set_temporary_sigmask(u64 mask);
int set_user_sigmask(const u64 *umask, u32 size);
void restore_saved_sigmask_unless(bool interrupted);
int dequeue_signal(struct task_struct *t, siginfo_t *info);
bool do_notify_parent(struct task_struct *tsk);
bool sig_default_ignored(int sig);
bool sig_kernel_coredump(int sig);
void do_signal(struct pt_regs *regs);
bool sig_stop(int sig);
void do_signal_stop(int sig);
void notify_continued(void);
void exit_itimers(struct signal_struct *sig);
void init_rlimits(struct signal_struct *sig);
unsigned long rlimit(unsigned int which);
int may_fork(void);
void account_itimers(struct task_struct *tsk, bool user);
void kill_orphaned_pgrp(struct task_struct *tsk, pid_t pgrp, pid_t session,
			struct task_struct *ignored);
int kill_pgrp_kernel(pid_t pgrp, int sig);
bool is_current_pgrp_orphaned(void);
pid_t pgrp_session(pid_t pgrp);

#define for_each_thread(sig, t) \
	list_for_each_entry(t, &(sig)->thread_head, thread_node)

#endif
