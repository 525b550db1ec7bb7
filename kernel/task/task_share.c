/* kernel/task/task_share.c — task_share(2), clonix's own call: which
 * address space, descriptor table, fs_struct, handler table and thread
 * group a task has, and how many tasks share each (the clone flags made
 * visible: ULK 3.4.1, TLPI 28.2). /proc/PID/task/TID/sharing prints the
 * same facts. The lab "syscall" writes sys_task_share. */
#include <asm/errno.h>
#include "pid.h"
#include "sched.h"
#include "signal.h"
#include "task_share.h"
#include "../fs/fs.h"
#include "../fs/fdtable.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"

/* task_share_fill — t's five structures as ids and user counts. */
void task_share_fill(struct task_struct *t, struct task_share *s)
{
	*s = (struct task_share){
		.mm = { t->mm ? t->mm->id : 0, t->mm ? t->mm->mm_users : 0 },
		.files = { t->files ? t->files->id : 0,
			   t->files ? t->files->count : 0 },
		.fs = { t->fs ? t->fs->id : 0, t->fs ? t->fs->users : 0 },
		.sighand = { t->sighand ? t->sighand->id : 0,
			     t->sighand ? t->sighand->count : 0 },
		.signal = { t->signal->id, t->signal->nr_threads },
	};
}

/* sys_task_share — tid 0 is the caller; a task that is gone (or a
 * zombie, whose structures are gone) is ESRCH. */
long sys_task_share(pid_t tid, struct task_share *ushare)
{
	/* LAB syscall: begin sys_task_share */
	struct task_struct *t;
	struct task_share s;

	if (tid < 0)
		return -EINVAL;
	t = tid ? find_task_by_vpid(tid) : current;
	if (!t || t->exit_state)
		return -ESRCH;
	task_share_fill(t, &s);
	if (copy_to_user(ushare, &s, sizeof(s)))
		return -EFAULT;
	return 0;
	/* LAB syscall: end sys_task_share */
}
