/* kernel/task/fork.c — process and thread creation; Linux kernel/fork.c,
 * ULK 3.4.1 and 3.4.2, TLPI 28.2. In call order (STYLE 2): the task's
 * memory, dup_task_struct, the copy_* steps, copy_thread, copy_process,
 * kernel_clone, kernel_thread, then the system calls. Every task but the
 * idle task is made by copy_process, kernel threads too, so sharing
 * versus copying is decided here and only here, one clone flag per
 * copy_* step: the share branch first, then the duplicate. */
#include "pid.h"
#include "signal.h"
#include "../cpu/tls.h"
#include "../fs/fdtable.h"
#include "../lib/cmdline.h"
#include "../lib/objstat.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../mm/kmalloc.h"
#include "../mm/mm.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/sched.h>

#define CLONE_NS_FLAGS	(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | \
			 CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP | \
			 CLONE_NEWUSER)

extern char ret_from_fork[], ret_from_kernel_thread[];

DEFINE_SPINLOCK(tasklist_lock);

/* The system-wide task limit (Linux /proc/sys/kernel/threads-max):
 * fork and clone fail with EAGAIN at it, for root too. */
unsigned long max_threads;
unsigned long total_forks;	/* tasks made since boot (/proc/stat) */

#define MIN_THREADS	20
#define MAX_THREADS	(PID_MAX_DEFAULT / 2)

/* fork_init — Linux set_max_threads: kernel stacks may take at most an
 * eighth of RAM; threads_max= on the command line sets it instead. The
 * first process's RLIMIT_NPROC is half of it (Linux fork_init). */
void fork_init(void)
{
	unsigned long n = kparams.threads_max;

	if (!n)
		n = totalram_pages() * PAGE_SIZE / (THREAD_SIZE * 8);
	max_threads = CLAMP(n, MIN_THREADS, MAX_THREADS);
	trace(boot, "fork_init: threads-max %lu", max_threads);
}

/* struct kernel_clone_args — what sys_clone/fork/vfork decoded, or
 * what kernel_thread asks for (Linux 5.10+ passes a kernel thread's
 * function the same way). */
struct kernel_clone_args {
	u64 flags;			/* clone3's are 64 bits wide */
	int exit_signal;		/* for the parent at the child's end */
	unsigned long stack;		/* 0: the caller's %esp */
	u32 *parent_tid, *child_tid;
	const void *tls;		/* struct user_desc * for CLONE_SETTLS */
	int (*fn)(void *);		/* a kernel thread runs fn(fn_arg) */
	void *fn_arg;
	const char *name;		/* and is called name */
};

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
	stack_owner(t) = t;
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

/* dup_task_struct — a copy of what a child inherits; the counters,
 * TID words and signals that start fresh stay zero (spec §2.3.8-9). */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *p = alloc_task_struct();

	if (!p)
		return NULL;
	/* a child starts with no privilege used and no exec done (acct) */
	p->flags = (orig->flags & ~(PF_IDLE | PF_KTHREAD | PF_SUPERPRIV)) |
		   PF_FORKNOEXEC;
	memcpy(p->comm, orig->comm, sizeof(p->comm));
	memcpy(p->tls_array, orig->tls_array, sizeof(p->tls_array));
	p->blocked = orig->blocked;	/* the mask is inherited (§2.3.9) */
	p->cred = orig->cred;		/* ids are inherited */
	p->nice = orig->nice;		/* so is the nice value */
	p->cpus_allowed = orig->cpus_allowed;	/* and the affinity */
	p->cpu = orig->cpu;
	/* it first runs inside the kernel: schedule() hands it the big
	 * lock, and ret_from_fork (or kthread_return) drops it for user mode */
	p->lock_depth = 1;
	p->sas_ss_sp = orig->sas_ss_sp;
	p->sas_ss_size = orig->sas_ss_size;
	p->trace_mask = orig->trace_mask;	/* the trace command's children */
	fpu_copy(p);
	return p;
}

/* copy_files — CLONE_FILES: the same descriptor table; else a copy
 * that still shares the open files (their offsets and flags). */
static int copy_files(unsigned long flags, struct task_struct *p)
{
	if (!current->files)
		return 0;
	/* LAB clone: begin share_files */
	if (flags & CLONE_FILES) {
		get_files_struct(current->files);
		p->files = current->files;
		return 0;
	}
	/* LAB clone: end share_files */
	p->files = dup_fd(current->files);
	return p->files ? 0 : -ENOMEM;
}

/* copy_fs — CLONE_FS: the same root, cwd and umask; else a copy. */
static int copy_fs(unsigned long flags, struct task_struct *p)
{
	if (!current->fs)
		return 0;
	/* LAB clone: begin share_fs */
	if (flags & CLONE_FS) {
		get_fs_struct(current->fs);
		p->fs = current->fs;
		return 0;
	}
	/* LAB clone: end share_fs */
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* copy_sighand — CLONE_SIGHAND: the same dispositions; else a copy. */
static int copy_sighand(unsigned long flags, struct task_struct *p)
{
	/* LAB clone: begin share_sighand */
	if (flags & CLONE_SIGHAND) {
		current->sighand->count++;
		p->sighand = current->sighand;
		return 0;
	}
	/* LAB clone: end share_sighand */
	p->sighand = copy_sighand_struct(current->sighand);
	return p->sighand ? 0 : -ENOMEM;
}

/* copy_signal — CLONE_THREAD: join the caller's thread group; else a new
 * group of one (the thread list is joined at link time). */
static int copy_signal(unsigned long flags, struct task_struct *p)
{
	if (flags & CLONE_THREAD) {
		current->signal->sigcnt++;
		p->signal = current->signal;
		return 0;
	}
	p->signal = alloc_signal();
	if (!p->signal)
		return -ENOMEM;
	p->signal->start_time = get_jiffies_64();
	memcpy(p->signal->rlim, current->signal->rlim, sizeof(p->signal->rlim));
	p->signal->pgrp = current->signal->pgrp;	/* same group, session */
	p->signal->session = current->signal->session;
	return 0;
}

/* copy_mm — CLONE_VM: the same address space; else a copy-on-write
 * duplicate (spec §3). A kernel thread has none: it never runs in user
 * mode until it execs. */
static int copy_mm(unsigned long flags, struct task_struct *p)
{
	if (!current->mm || (p->flags & PF_KTHREAD))
		return 0;
	/* LAB clone: begin share_mm */
	if (flags & CLONE_VM) {
		mmget(current->mm);
		p->mm = current->mm;
		return 0;
	}
	/* LAB clone: end share_mm */
	p->mm = dup_mm(current->mm);
	return p->mm ? 0 : -ENOMEM;
}

/* seed_switch_frame — what switch_stacks pops when p first runs, just
 * below its struct pt_regs: from the saved sp up, edi esi ebx ebp and
 * the address it "returns" to (kernel/cpu/switch.asm). ebp 0 ends the
 * frame-pointer chain. */
static void seed_switch_frame(struct task_struct *p, char *ret, u32 esi,
			      u32 ebx)
{
	u32 *sp = (u32 *)task_pt_regs(p);

	*--sp = (u32)ret;
	*--sp = 0;	/* ebp */
	*--sp = ebx;
	*--sp = esi;
	*--sp = 0;	/* edi */
	p->sp = (u32)sp;
}

/* copy_thread — the child's registers: the caller's, with %eax = 0 (clone
 * returns 0 in the child), %esp = the new stack if one was given, and the
 * TLS slot of CLONE_SETTLS; it leaves the kernel through ret_from_fork. A
 * kernel thread starts in ret_from_kernel_thread with esi = fn, ebx = its
 * argument, and zeroed user registers for an exec to fill. */
static int copy_thread(struct kernel_clone_args *args, struct task_struct *p)
{
	struct pt_regs *regs = task_pt_regs(p);

	if (args->fn) {
		memset(regs, 0, sizeof(*regs));
		seed_switch_frame(p, ret_from_kernel_thread, (u32)args->fn,
				  (u32)args->fn_arg);
		return 0;
	}
	*regs = *task_pt_regs(current);
	regs->ax = 0;
	if (args->stack)
		regs->sp = args->stack;
	seed_switch_frame(p, ret_from_fork, 0, 0);
	if (args->flags & CLONE_SETTLS)
		return do_set_thread_area(p, args->tls, false);
	return 0;
}

/* clone_checks — the validity rules, in the order Linux applies them
 * (spec §2.2). Legacy clone accepts unknown bits and any exit signal. */
static int clone_checks(unsigned long flags)
{
	/* clone(2): a private mount namespace needs a private fs_struct */
	if ((flags & CLONE_NEWNS) && (flags & CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_NEWUSER) && (flags & CLONE_FS))
		return -EINVAL;
	/* LAB clone: begin thread_rules */
	/* clone(2): a thread shares the dispositions of its group */
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	/* clone(2): shared dispositions need a shared address space */
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* LAB clone: end thread_rules */
	/* init may not make siblings: it has no parent to share */
	if ((flags & CLONE_PARENT) && current->tgid == 1)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && (flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return -EINVAL;
	/* no pidfds here; with PARENT_SETTID it is EINVAL on Linux too */
	if (flags & CLONE_PIDFD)
		return -EINVAL;
	/* no namespaces in clonix: Linux's "not configured" answer (§2.2.10) */
	if (flags & CLONE_NS_FLAGS)
		return -EINVAL;
	return 0;
}

/* link_identity — pid, tgid, parent and exit signal (spec §2.4), then
 * link_task makes the task visible. */
static void link_identity(struct task_struct *p, unsigned long flags,
			  int exit_signal, int pid)
{
	p->pid = pid;
	if (flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		p->real_parent = current->real_parent;
		p->exit_signal = -1;		/* threads notify no one */
	} else {
		p->tgid = pid;
		p->group_leader = p;
		p->real_parent = flags & CLONE_PARENT ? current->real_parent :
				 current;
		p->exit_signal = flags & CLONE_PARENT ?
				 current->group_leader->exit_signal :
				 exit_signal;
	}
	link_task(p);
}

static const char *shared(unsigned long flags, unsigned long flag)
{
	return flags & flag ? "shared" : "copy";
}

/* copy_process — a new task, not yet running (ULK 3.4.1): (a) checks,
 * (b) allocation, (c) the copy chain with its unwind ladder, (d) linking. */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	unsigned long flags = args->flags;
	struct task_struct *p;
	int pid, err = clone_checks(flags);

	if (err)
		return ERR_PTR(err);
	err = may_fork();		/* RLIMIT_NPROC: -EAGAIN */
	if (err)
		return ERR_PTR(err);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	if (args->fn) {
		p->flags |= PF_KTHREAD;
		set_task_comm(p, args->name);
	}
	pid = err = alloc_pid();
	if (pid < 0)
		goto bad_fork_free;
	err = copy_files(flags, p);
	if (err)
		goto bad_fork_free_pid;
	err = copy_fs(flags, p);
	if (err)
		goto bad_fork_cleanup_files;
	err = copy_sighand(flags, p);
	if (err)
		goto bad_fork_cleanup_fs;
	/* clone3's CLONE_CLEAR_SIGHAND: handlers back to default, as exec */
	if (args->flags & CLONE_CLEAR_SIGHAND)
		flush_signal_handlers(p);
	err = copy_signal(flags, p);
	if (err)
		goto bad_fork_cleanup_sighand;
	err = copy_mm(flags, p);
	if (err)
		goto bad_fork_cleanup_signal;
	err = copy_thread(args, p);
	if (err)
		goto bad_fork_cleanup_mm;
	/* sigaltstack(2): a thread sharing the memory must not share the
	 * alternate stack too; a fork or vfork child keeps it. */
	if ((flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		p->sas_ss_sp = p->sas_ss_size = 0;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	link_identity(p, flags, args->exit_signal, pid);
	total_forks++;
	trace(clone, "copy_process: %d<-%d files=%s fs=%s sighand=%s "
	      "signal=%s mm=%s tgid=%d exit_signal=%d", pid, current->pid,
	      shared(flags, CLONE_FILES), shared(flags, CLONE_FS),
	      shared(flags, CLONE_SIGHAND), shared(flags, CLONE_THREAD),
	      flags & CLONE_VM ? "shared" : p->mm ? "cow" : "none", p->tgid,
	      p->exit_signal);
	return p;

bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	put_signal(p->signal);
bad_fork_cleanup_sighand:
	put_sighand(p->sighand);
bad_fork_cleanup_fs:
	if (p->fs)
		put_fs_struct(p->fs);
bad_fork_cleanup_files:
	if (p->files)
		put_files_struct(p->files);
bad_fork_free_pid:
	free_pid(pid);
bad_fork_free:
	free_task(p);
	return ERR_PTR(err);
}

/* LAB vfork: begin wait_for_vfork_done */
/* wait_for_vfork_done — the vfork parent sleeps (killable) until the
 * child releases the mm: its exec or its exit (spec §2.6). */
static void wait_for_vfork_done(struct task_struct *child,
				struct completion *vfork)
{
	wait_event_killable(vfork->wait, vfork->done > 0);
	/* killed: the child must not touch our stack any more */
	if (!vfork->done)
		child->vfork_done = NULL;
}
/* LAB vfork: end wait_for_vfork_done */

/* wake_vfork_child — CLONE_VFORK: wake the child, then sleep until it
 * lets go of the address space we share with it. */
static void wake_vfork_child(struct task_struct *p)
{
	/* LAB vfork: begin wake_vfork_child */
	struct completion vfork;

	init_completion(&vfork);
	p->vfork_done = &vfork;
	wake_up_new_task(p);
	wait_for_vfork_done(p, &vfork);
	/* LAB vfork: end wake_vfork_child */
}

/* kernel_clone — ULK 3.4.1 calls this do_fork(): create, write the
 * parent's TID word before the child can run, wake it, and for
 * CLONE_VFORK wait for it to let go of the address space. */
long kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p = copy_process(args);
	long pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user_u32(pid, args->parent_tid);	/* errors ignored */
	if (args->flags & CLONE_VFORK)
		wake_vfork_child(p);
	else
		wake_up_new_task(p);
	return pid;
}

/* kernel_thread — a task that runs fn(arg) in the kernel, made like any
 * other (Linux kernel_thread): it shares the creator's descriptor table
 * and fs_struct, has its own thread group and dispositions, no address
 * space, and is released as soon as it ends (exit signal -1: no zombie).
 * Returns its pid or a negative errno. */
long kernel_thread(int (*fn)(void *), void *arg, const char *name)
{
	struct kernel_clone_args args = {
		.flags = CLONE_FILES | CLONE_FS, .exit_signal = -1,
		.fn = fn, .fn_arg = arg, .name = name,
	};

	return kernel_clone(&args);
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

long sys_fork(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

long sys_vfork(void)
{
	struct kernel_clone_args args = {
		/* LAB vfork: begin vfork_flags */
		.flags = CLONE_VFORK | CLONE_VM, .exit_signal = SIGCHLD,
		/* LAB vfork: end vfork_flags */
	};

	return kernel_clone(&args);
}

/* sys_clone — i386 order: flags, child stack, parent_tid, tls, child_tid. */
long sys_clone(unsigned long flags, unsigned long stack, u32 *parent_tid,
	       const void *tls, u32 *child_tid)
{
	struct kernel_clone_args args = {
		.flags = flags & ~CSIGNAL, .exit_signal = flags & CSIGNAL,
		.stack = stack, .parent_tid = parent_tid,
		.child_tid = child_tid, .tls = tls,
	};

	return kernel_clone(&args);
}

/* struct clone_args — clone3(2)'s argument, 8-byte fields so that it is
 * the same on every architecture; it grows at the end (size versions
 * 64, 80 with set_tid, 88 with cgroup). */
struct clone_args {
	u64 flags, pidfd, child_tid, parent_tid, exit_signal;
	u64 stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
#define CLONE_ARGS_SIZE_VER0	64
#define CLONE_ARGS_SIZE_VER2	88
#define CLONE_LEGACY_FLAGS	0xffffffffULL

/* copy_clone_args — Linux copy_struct_from_user: a newer, larger struct
 * is fine if what this kernel does not know is zero (else E2BIG); an
 * older one is zero-extended. Then the checks of copy_clone_args_from_user,
 * in its order. */
static int copy_clone_args(struct clone_args *a, const u8 *uargs, u32 size)
{
	u8 rest[64];

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(a, 0, sizeof(*a));
	if (copy_from_user(a, uargs, MIN(size, (u32)sizeof(*a))))
		return -EFAULT;
	for (u32 at = sizeof(*a); at < size; at += sizeof(rest)) {
		u32 n = MIN(size - at, (u32)sizeof(rest));

		if (copy_from_user(rest, uargs + at, n))
			return -EFAULT;
		while (n--)
			if (rest[n])
				return -E2BIG;
	}
	if (a->set_tid_size > 32 || (!a->set_tid) != (!a->set_tid_size))
		return -EINVAL;
	if ((a->exit_signal & ~(u64)CSIGNAL) || a->exit_signal > _NSIG)
		return -EINVAL;
	if ((a->flags & CLONE_INTO_CGROUP) &&
	    (a->cgroup > 0x7fffffff || size < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;
	return 0;
}

/* clone3_args_valid — Linux's checks on the decoded arguments: the
 * CSIGNAL and CLONE_DETACHED bits mean nothing in clone3's flags, and a
 * stack is given as its lowest address and size, both or neither. */
static bool clone3_args_valid(const struct clone_args *a)
{
	if (a->flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND |
			 CLONE_INTO_CGROUP))
		return false;
	if (a->flags & (CLONE_DETACHED | CSIGNAL))
		return false;
	if ((a->flags & CLONE_SIGHAND) && (a->flags & CLONE_CLEAR_SIGHAND))
		return false;
	if ((a->flags & (CLONE_THREAD | CLONE_PARENT)) && a->exit_signal)
		return false;
	if (!a->stack != !a->stack_size)
		return false;
	return !a->stack || (a->stack + a->stack_size >= a->stack &&
			     access_ok((void *)(u32)a->stack, a->stack_size));
}

/* sys_clone3 — the same kernel_clone as clone(2). Not supported here,
 * EINVAL: set_tid (choosing the pid, a namespace feature), cgroups. */
long sys_clone3(const void *uargs, u32 size)
{
	struct clone_args a;
	struct kernel_clone_args args;
	int err = copy_clone_args(&a, uargs, size);

	if (err)
		return err;
	if (!clone3_args_valid(&a) || a.set_tid ||
	    (a.flags & CLONE_INTO_CGROUP))
		return -EINVAL;
	args = (struct kernel_clone_args){
		.flags = a.flags, .exit_signal = a.exit_signal,
		.stack = a.stack ? (u32)(a.stack + a.stack_size) : 0,
		.parent_tid = (u32 *)(u32)a.parent_tid,
		.child_tid = (u32 *)(u32)a.child_tid,
		.tls = (const void *)(u32)a.tls,
	};
	return kernel_clone(&args);
}

/* sys_set_tid_address — never fails, checks nothing, returns the TID. */
long sys_set_tid_address(u32 *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}
