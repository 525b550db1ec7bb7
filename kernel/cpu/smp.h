/* kernel/cpu/smp.h — the CPUs and what each has of its own.
 * Linux arch/x86/include/asm/smp.h, percpu.h and processor.h
 * (cpuinfo_x86); ULK 4.6 ("Interrupt Handling on Multiprocessor
 * Systems") and 5.4 ("Synchronizing Accesses to Kernel Data Structures").
 *
 * Every CPU has its own GDT (its TLS slots hold the thread it runs), TSS
 * (esp0 is the stack of the thread it runs), idle task and local-APIC
 * timer. A CPU finds its struct cpu through the task it runs: current
 * (sched.h, from the kernel stack) → current->cpu → cpus[]. */
#ifndef CLONIX_SMP_H
#define CLONIX_SMP_H

#include "gdt.h"
#include "../lib/kernel.h"

#define NR_CPUS		8

struct task_struct;

struct cpu {
	int id;				/* index in cpus[] and the cpu number
					   getcpu(2) and /proc/cpuinfo show */
	u8 apic_id;			/* its local APIC's ID (MP table) */
	volatile bool online;		/* set by the CPU itself when up */
	struct task_struct *idle;	/* runs when nothing else can */
	struct task_struct *curr;	/* the task it runs */
	struct task_struct *prev_task;	/* schedule(): whom it switched from */
	u32 *active_pgd;		/* the page directory in its CR3 */
	unsigned long tlb_shootdowns;	/* asked of it by other CPUs */
	unsigned long long ticks_user, ticks_system, ticks_idle;
	unsigned long irq_count[16];	/* PIC interrupts taken, by line */
	unsigned long ipis[3];		/* APIC interrupts taken, by kind: */
#define IPI_TIMER	0		/* its local timer */
#define IPI_RESCHEDULE	1
#define IPI_TLB		2
	u64 gdt[GDT_ENTRIES] __aligned(8);
	struct tss_struct tss __aligned(16);
};

extern struct cpu cpus[NR_CPUS];
extern int nr_cpu_ids;		/* CPUs found (the MP table), 1 if none */
extern int num_online_cpus;	/* CPUs started */

struct cpu *this_cpu(void);
void smp_init(void);
void smp_send_reschedule(struct cpu *c);
void smp_send_stop(void);
void flush_tlb_ipi(void);
extern unsigned long tlb_shootdowns_sent;
#define for_each_online_cpu(c) \
	for (struct cpu *c = cpus; c < cpus + nr_cpu_ids; c++) \
		if (c->online)

#endif
