/* kernel/lib/kernel_lock.c — the big kernel lock (BKL), as Linux 2.0
 * introduced it for SMP and 2.6.39 removed it: one spinlock around all
 * of the kernel. Linux lib/kernel_lock.c; ULK 5.4.8 ("The Big Kernel
 * Lock").
 *
 * A CPU takes it on every entry to the kernel (trap_dispatch) and drops
 * it on the way back out; the idle loop drops it around hlt. User code
 * runs on every CPU at once; kernel code on one at a time, so the
 * kernel's structures see one CPU at a time, as on a uniprocessor, and
 * the spinlocks inside it (docs/locking.md) only ever meet interrupts.
 *
 * The lock belongs to the CPU, not to a task: a task that sleeps in the
 * kernel leaves it to the task switched to, which either goes on in the
 * kernel with it or drops it on its way to user mode. lock_depth counts
 * the nesting (an interrupt inside a system call takes it again). Taken
 * with interrupts off (every gate is an interrupt gate). */
#include "smp_lock.h"
#include "spinlock.h"
#include "../cpu/smp.h"

static volatile u32 kernel_flag;

void lock_kernel(void)
{
	struct cpu *c = this_cpu();

	if (c->lock_depth++ == 0)
		arch_spin_lock(&kernel_flag);
}

void unlock_kernel(void)
{
	struct cpu *c = this_cpu();

	if (--c->lock_depth == 0)
		arch_spin_unlock(&kernel_flag);
}

bool kernel_locked(void)
{
	return this_cpu()->lock_depth > 0;
}
