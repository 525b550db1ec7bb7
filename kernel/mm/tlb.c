/* kernel/mm/tlb.c — TLB shootdown: when a page table entry changes,
 * every CPU that may hold the old translation forgets it before the
 * change is relied on. Linux arch/x86/mm/tlb.c (flush_tlb_mm_range,
 * native_flush_tlb_multi); ULK 2.4.8 ("Translation Lookaside Buffers").
 *
 * A CPU's TLB can only hold entries of the page directory in its CR3,
 * and loading another one forgets them (kernel entries are global and
 * never change). So the CPUs an address space is live on are those whose
 * active_pgd is its directory (switch_pgd records it). The changer
 * flushes its own TLB, then posts one request (range and the mask of
 * CPUs) and sends each of them INVALIDATE_TLB_VECTOR; each flushes and
 * clears its bit; the changer waits until the mask is empty. Only then
 * may the old frame be reused: a copy-on-write break that frees or reuses
 * the page a sibling thread on another CPU still reaches through its TLB
 * would otherwise let that thread write to the wrong frame.
 *
 * One request at a time: the changer holds the big kernel lock. A target
 * answers even while it spins for that lock (smp_spin_poll), and the
 * vector's handler takes no lock at all, so the wait always ends. */
#include "pgtable.h"
#include "../cpu/apic.h"
#include "../cpu/smp.h"
#include "../lib/trace.h"
#include "../task/sched.h"

#define FLUSH_ALL_PAGES	32	/* more than this: reload CR3 instead */

static struct {
	unsigned long start, end;
	volatile u32 pending;	/* CPUs that have not flushed yet */
} flush_request;

unsigned long tlb_shootdowns_sent;

static void flush_local(unsigned long start, unsigned long end)
{
	if ((end - start) / PAGE_SIZE > FLUSH_ALL_PAGES) {
		write_cr3(read_cr3());
		return;
	}
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		invlpg(va);
}

/* flush_tlb_ipi — this CPU's part of a posted request, if it has one:
 * from INVALIDATE_TLB_VECTOR, or from a spin loop (smp_spin_poll). */
void flush_tlb_ipi(void)
{
	struct cpu *c = this_cpu();
	u32 bit = 1u << c->id;

	if (!(flush_request.pending & bit))
		return;
	flush_local(flush_request.start, flush_request.end);
	c->tlb_shootdowns++;
	atomic_andnot(&flush_request.pending, bit);
}

/* trace_shootdown — "[tlb] pid 3 (smp_demo) on cpu 0: 40003000-40004000
 * (1 page) on cpu 1, acked". */
static void trace_shootdown(unsigned long start, unsigned long end, u32 mask)
{
	char cpus_list[3 * NR_CPUS] = "", *p = cpus_list;

	for (int i = 0; i < NR_CPUS; i++)
		if (mask & (1u << i))
			p += snprintf(p, cpus_list + sizeof(cpus_list) - p,
				      p == cpus_list ? "%d" : ",%d", i);
	trace(tlb, "pid %d (%s) on cpu %d: %08lx-%08lx (%lu page%s) on cpu%s "
	      "%s, each flushes%s", current->pid, current->comm, current->cpu,
	      start, end, (end - start) / PAGE_SIZE,
	      end - start > PAGE_SIZE ? "s" : "", mask & (mask - 1) ? "s" : "",
	      cpus_list, (end - start) / PAGE_SIZE > FLUSH_ALL_PAGES ?
	      " all (CR3 reload)" : "");
}

static u32 cpus_with_pgd(pgd_t *pgd)
{
	struct cpu *me = this_cpu();
	u32 mask = 0;

	for_each_online_cpu(c)
		if (c != me && c->active_pgd == pgd)
			mask |= 1u << c->id;
	return mask;
}

void flush_tlb_range(pgd_t *pgd, unsigned long start, unsigned long end)
{
	u32 mask;

	if (pgd == current_pgd())
		flush_local(start, end);
	if (num_online_cpus == 1 || !(mask = cpus_with_pgd(pgd)))
		return;
	if (trace_on(tlb))
		trace_shootdown(start, end, mask);
	flush_request.start = start;
	flush_request.end = end;
	flush_request.pending = mask;
	for_each_online_cpu(c)
		if (mask & (1u << c->id))
			lapic_send_ipi(c->apic_id, INVALIDATE_TLB_VECTOR);
	while (flush_request.pending)
		cpu_relax();
	tlb_shootdowns_sent++;
}
