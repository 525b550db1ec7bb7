/* kernel/task/affinity.c — which CPUs a thread may run on, and which one
 * it runs on: sched_setaffinity(2), sched_getaffinity(2), getcpu(2).
 * Linux kernel/sched/core.c (sched_setaffinity, sched_getaffinity) and
 * kernel/sys.c (getcpu); docs/smp.md §3. */
#include "sched.h"
#include "pid.h"
#include "../cpu/smp.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

/* cpumask_size() of an i386 Linux with NR_CPUS 32: one long */
#define CPUMASK_BYTES	4

static u32 online_mask(void)
{
	u32 mask = 0;

	for_each_online_cpu(c)
		mask |= 1u << c->id;
	return mask;
}

/* affinity_task — pid's thread (0: the caller), or NULL: ESRCH. */
static struct task_struct *affinity_task(pid_t pid)
{
	return pid ? find_task_by_vpid(pid) : current;
}

/* sys_sched_getaffinity — Linux's checks: a buffer smaller than the
 * CPUs or not a whole number of longs is EINVAL; then the thread; then
 * its mask (of the CPUs online), and the number of bytes written. */
long sys_sched_getaffinity(pid_t pid, u32 len, u32 *umask)
{
	struct task_struct *p;
	u32 mask;

	if (len * 8 < (u32)nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	if (pid < 0 || !(p = affinity_task(pid)))
		return -ESRCH;
	mask = p->cpus_allowed & online_mask();
	if (copy_to_user(umask, &mask, MIN(len, (u32)CPUMASK_BYTES)))
		return -EFAULT;
	return MIN(len, (u32)CPUMASK_BYTES);
}

/* sys_sched_setaffinity — the mask is read first (EFAULT; a short one
 * is zero-extended), then the thread (ESRCH), the right to change it
 * (EPERM: its owner or root, as for setpriority), and a mask with no
 * CPU online is EINVAL. A thread running on a CPU the mask excludes
 * leaves it at its next return to user mode (set_cpus_allowed). */
long sys_sched_setaffinity(pid_t pid, u32 len, const u32 *umask)
{
	const struct cred *c = &current->cred;
	struct task_struct *p;
	u32 mask = 0;

	if (copy_from_user(&mask, umask, MIN(len, (u32)CPUMASK_BYTES)))
		return -EFAULT;
	if (pid < 0 || !(p = affinity_task(pid)))
		return -ESRCH;
	if (p->cred.uid != c->euid && p->cred.euid != c->euid && !capable())
		return -EPERM;
	if (!(mask & online_mask()))
		return -EINVAL;
	set_cpus_allowed(p, mask);
	return 0;
}

/* sys_getcpu — the CPU the caller runs on (it may be another one by the
 * time the caller looks: only affinity makes the answer last), and NUMA
 * node 0. The third argument is a cache unused since Linux 2.6.24. */
long sys_getcpu(u32 *ucpu, u32 *unode, void *cache __unused)
{
	if (ucpu && put_user_u32(current->cpu, ucpu))
		return -EFAULT;
	if (unode && put_user_u32(0, unode))
		return -EFAULT;
	return 0;
}
