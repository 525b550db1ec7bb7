/* kernel/task/prctl.c — prctl(2), the options that belong to process
 * creation; Linux kernel/sys.c (SYSCALL_DEFINE5(prctl)). Every other
 * option is EINVAL, Linux's answer for one it does not know.
 *	PR_SET/GET_NAME		the task's comm (ps, acct's ac_comm)
 *	PR_SET/GET_PDEATHSIG	a signal for when the parent thread exits
 *	PR_SET/GET_CHILD_SUBREAPER  orphans below come here, not to init
 *	PR_SET/GET_DUMPABLE	whether a crash may dump core (per mm) */
#include "signal.h"
#include "../lib/string.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/prctl.h>

static long set_name(const char *uname)
{
	char comm[TASK_COMM_LEN];

	/* the name is cut to 15 bytes; a fault anywhere in them is EFAULT */
	if (strncpy_from_user(comm, uname, sizeof(comm) - 1) < 0)
		return -EFAULT;
	comm[sizeof(comm) - 1] = '\0';
	set_task_comm(current, comm);
	return 0;
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3 __unused,
	       unsigned long arg4 __unused, unsigned long arg5 __unused)
{
	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user_u32(current->pdeath_signal, (u32 *)arg2) ?
		       -EFAULT : 0;
	case PR_GET_DUMPABLE:
		return current->mm ? current->mm->dumpable : 0;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)	/* 2 (root-only dumps) is not for prctl */
			return -EINVAL;
		current->mm->dumpable = arg2;
		return 0;
	case PR_SET_NAME:
		return set_name((const char *)arg2);
	case PR_GET_NAME:
		return copy_to_user((void *)arg2, current->comm,
				    TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = arg2 != 0;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user_u32(current->signal->is_child_subreaper,
				    (u32 *)arg2) ? -EFAULT : 0;
	}
	return -EINVAL;
}
