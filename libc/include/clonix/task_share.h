/* clonix/task_share.h — task_share(2), clonix's own system call (number
 * 500, past Linux's last): which of the structures clone() can share a
 * task has, each as an id (two tasks with the same id share one object)
 * and the number of its users. /proc/PID/task/TID/sharing shows the
 * same. The call of the lab "syscall" (docs/labs/syscall.md). */
#ifndef _CLONIX_TASK_SHARE_H
#define _CLONIX_TASK_SHARE_H

struct task_share_entry {
	unsigned int id;		/* 0: the task has none (a kernel thread's mm) */
	int users;			/* tasks that use it; for signal: threads */
};

struct task_share {
	struct task_share_entry mm, files, fs, sighand, signal;
};

#endif
