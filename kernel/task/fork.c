/* kernel/task/fork.c — process creation; Linux kernel/fork.c, ULK 3.4.1.
 * In call order (STYLE 2): dup_task_struct, copy_mm, copy_thread,
 * copy_process, kernel_clone, then the system calls. This is fork with
 * copy-on-write; the flag-by-flag sharing of clone() is built on it in
 * the clone issue (copy_files, copy_fs, copy_sighand, copy_signal). */
#include "pid.h"
#include "sched.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../fs/fdtable.h"
#include "../mm/mm.h"
#include <asm/errno.h>
#include <asm/signal.h>

extern char ret_from_fork[];

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *p = alloc_task_struct();

	if (!p)
		return NULL;
	p->flags = orig->flags & ~PF_IDLE;
	memcpy(p->comm, orig->comm, sizeof(p->comm));
	return p;
}

/* copy_files — the descriptor table: a copy, sharing the open files. */
static int copy_files(unsigned long clone_flags __unused,
		      struct task_struct *p)
{
	if (!current->files)
		return 0;
	p->files = dup_fd(current->files);
	return p->files ? 0 : -ENOMEM;
}

/* copy_fs — root, working directory and umask: a copy. */
static int copy_fs(unsigned long clone_flags __unused, struct task_struct *p)
{
	if (!current->fs)
		return 0;
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* copy_mm — a copy-on-write duplicate of the parent's address space. */
static int copy_mm(unsigned long clone_flags __unused, struct task_struct *p)
{
	if (!current->mm)
		return 0;
	p->mm = dup_mm(current->mm);
	return p->mm ? 0 : -ENOMEM;
}

/* copy_thread — the child's registers: the parent's, with %eax = 0 (fork
 * returns 0 in the child), and a kernel stack that "returns" through
 * ret_from_fork. From the saved sp up: edi esi ebx ebp ret_from_fork,
 * then struct pt_regs. */
static void copy_thread(struct task_struct *p)
{
	struct pt_regs *regs = task_pt_regs(p);
	u32 *sp = (u32 *)regs;

	*regs = *task_pt_regs(current);
	regs->ax = 0;
	*--sp = (u32)ret_from_fork;
	*--sp = 0;	/* ebp */
	*--sp = 0;	/* ebx */
	*--sp = 0;	/* esi */
	*--sp = 0;	/* edi */
	p->sp = (u32)sp;
}

/* copy_process — a new task, not yet running (ULK 3.4.1). */
static struct task_struct *copy_process(unsigned long clone_flags)
{
	struct task_struct *p = dup_task_struct(current);
	int pid, err;

	if (!p)
		return ERR_PTR(-ENOMEM);
	pid = err = alloc_pid();
	if (pid < 0)
		goto bad_fork_free;
	err = copy_files(clone_flags, p);
	if (err)
		goto bad_fork_free_pid;
	err = copy_fs(clone_flags, p);
	if (err)
		goto bad_fork_cleanup_files;
	err = copy_mm(clone_flags, p);
	if (err)
		goto bad_fork_cleanup_fs;
	copy_thread(p);
	p->pid = p->tgid = pid;
	p->exit_signal = clone_flags & 0xff;
	link_task(p, current);
	trace(clone, "copy_process: %d<-%d files=copy fs=copy mm=%s", pid,
	      current->pid, p->mm ? "cow" : "none");
	return p;

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

/* kernel_clone — ULK 3.4.1 calls this do_fork(): create, then wake. */
long kernel_clone(unsigned long clone_flags)
{
	struct task_struct *p = copy_process(clone_flags);

	if (IS_ERR(p))
		return PTR_ERR(p);
	wake_up_process(p);
	return p->pid;
}

long sys_fork(void)
{
	return kernel_clone(SIGCHLD);
}
