/* kernel/cpu/smp.c — the table of CPUs. Linux arch/x86/kernel/smp.c
 * and smpboot.c keep the same facts in per-CPU variables. */
#include "smp.h"
#include "apic.h"
#include "trap.h"
#include "x86.h"
#include "../task/sched.h"

struct cpu cpus[NR_CPUS] = { [0] = { .id = 0, .online = true } };
int nr_cpu_ids = 1;
int num_online_cpus = 1;

struct cpu *this_cpu(void)
{
	return &cpus[current->cpu];
}

static volatile bool stopping;	/* a panic: every other CPU halts */

static void __noreturn stop_this_cpu(void)
{
	this_cpu()->online = false;
	for (;;) {
		local_irq_disable();
		halt();
	}
}

/* smp_spin_poll — one turn of a spin loop (spinlock.h): answer what
 * other CPUs may be waiting for while this one waits. */
void smp_spin_poll(void)
{
	if (stopping)
		stop_this_cpu();
	flush_tlb_ipi();
	cpu_relax();
}

/* smp_send_reschedule — make cpu look at its run queue and at the
 * signals of the task it runs: the IPI ends its hlt, or brings it into
 * the kernel from user mode, whose way back checks both (trap_dispatch). */
void smp_send_reschedule(struct cpu *c)
{
	if (c != this_cpu() && c->online)
		lapic_send_ipi(c->apic_id, RESCHEDULE_VECTOR);
}

/* smp_send_stop — panic: the others stop where they are (they may spin
 * with interrupts off: they look at "stopping" there too). */
void smp_send_stop(void)
{
	if (!apic_enabled)
		return;
	stopping = true;
	for_each_online_cpu(c)
		if (c != this_cpu())
			lapic_send_ipi(c->apic_id, STOP_VECTOR);
}

/* smp_ipi_nolock — the vectors whose handlers take no lock, so that a
 * CPU holding the big kernel lock can wait for them (trap_dispatch). */
bool smp_ipi_nolock(struct pt_regs *regs)
{
	switch (regs->trapno) {
	case INVALIDATE_TLB_VECTOR:
		this_cpu()->ipis[IPI_TLB]++;
		flush_tlb_ipi();
		lapic_eoi();
		return true;
	case STOP_VECTOR:
		stop_this_cpu();
	case SPURIOUS_APIC_VECTOR:
		return true;	/* owes no EOI */
	}
	return false;
}

/* smp_interrupt — the local APIC's other vectors, under the big lock. */
void smp_interrupt(struct pt_regs *regs)
{
	struct cpu *c = this_cpu();

	lapic_eoi();
	switch (regs->trapno) {
	case LOCAL_TIMER_VECTOR:
		c->ipis[IPI_TIMER]++;
		update_process_times(user_mode(regs));
		break;
	case RESCHEDULE_VECTOR:
		/* the way out of trap_dispatch, or cpu_idle, does the rest */
		c->ipis[IPI_RESCHEDULE]++;
		break;
	}
}
