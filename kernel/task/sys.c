/* kernel/task/sys.c — the simplest process system calls; Linux
 * kernel/sys.c. getpid() is the TGID, gettid() the task's own id. */
#include "sched.h"

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->real_parent ? current->real_parent->tgid : 0;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}
