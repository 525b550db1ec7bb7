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
 * A CPU holds the lock while it runs any task in the kernel, so a task
 * that sleeps in the kernel hands it to the task switched to, which is
 * in the kernel too (every task switches in inside schedule(), or as a
 * new task on its way out through ret_from_fork) and goes on with it or
 * drops it on its way to user mode. Each task counts its own nesting
 * (task->lock_depth: an interrupt inside a system call takes it again,
 * a page fault inside it too, and that fault may sleep): a count per CPU
 * would be shared by the tasks that sleep at different depths, and go
 * wrong. Taken with interrupts off (every gate is an interrupt gate). */
#include "smp_lock.h"
#include "spinlock.h"
#include "panic.h"
#include "printk.h"
#include "../cpu/smp.h"
#include "../task/sched.h"

/* A ticket lock (Linux's x86 spinlocks since 2.6.25): a CPU takes the
 * next ticket and waits until it is served, so the CPUs get the kernel
 * in the order they asked for it, and a CPU that lets go and asks again
 * at once (yield_kernel) cannot starve one that is waiting. */
static struct {
	volatile u32 next;	/* the ticket the next asker gets */
	volatile u32 owner;	/* the ticket being served */
	volatile int holder;	/* its CPU, or -1 */
} kernel_flag = { 0, 0, -1 };

static void ticket_lock(void)
{
	u32 ticket = 1;

	asm volatile("lock xaddl %0, %1" : "+r"(ticket), "+m"(kernel_flag.next)
		     : : "memory");
	while (kernel_flag.owner != ticket)
		smp_spin_poll();
	kernel_flag.holder = this_cpu()->id;
}

/* ticket_unlock — by the CPU that holds it, or it is a bug: the count
 * would skip a waiting CPU's ticket forever. Said once, with the stack. */
static void ticket_unlock(void)
{
	static bool said;

	if (kernel_flag.holder != this_cpu()->id) {
		if (!said) {
			said = true;
			printk("BUG: cpu %d releases the big kernel lock, held "
			       "by cpu %d (pid %d, depth %d)\n", this_cpu()->id,
			       kernel_flag.holder, current->pid,
			       current->lock_depth);
			dump_stack_from((u32)__builtin_return_address(0),
					(u32)__builtin_frame_address(0), 0);
		}
		return;
	}
	kernel_flag.holder = -1;
	barrier();
	kernel_flag.owner++;	/* only the holder writes it */
}

static void lock_bug(const char *what)
{
	static bool said;

	if (said)
		return;
	said = true;
	printk("BUG: cpu %d, pid %d (%s), depth %d: %s\n", this_cpu()->id,
	       current->pid, current->comm, current->lock_depth, what);
	dump_stack_from((u32)__builtin_return_address(0),
			(u32)__builtin_frame_address(0), 0);
}

void lock_kernel(void)
{
	if (current->lock_depth++ == 0) {
		if (kernel_flag.holder == this_cpu()->id) {
			lock_bug("takes the big kernel lock its CPU holds");
			return;
		}
		ticket_lock();
	}
}

/* unlock_kernel — with interrupts off from the count's last decrement to
 * the release: an interrupt in between would find the count at 0, ask
 * for a ticket, and wait behind its own CPU's (trap_dispatch's way out
 * often runs with interrupts on). */
void unlock_kernel(void)
{
	u32 flags = read_eflags();

	local_irq_disable();
	if (current->lock_depth <= 0)
		lock_bug("releases the big kernel lock it does not hold");
	else if (--current->lock_depth == 0)
		ticket_unlock();
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/* yield_kernel — for a kernel loop that waits for another task (an OOM
 * victim's exit) and found nothing else to run on this CPU: let the CPUs
 * waiting for the kernel in, as a sleep would, then queue for it again.
 * The caller's state must allow that, as before any sleep. */
void yield_kernel(void)
{
	u32 flags = read_eflags();

	if (num_online_cpus == 1 || !current->lock_depth)
		return;
	local_irq_disable();
	ticket_unlock();
	cpu_relax();
	ticket_lock();
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

bool kernel_locked(void)
{
	return current->lock_depth > 0;
}
