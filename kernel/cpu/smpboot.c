/* kernel/cpu/smpboot.c — starting the other CPUs. Linux
 * arch/x86/kernel/smpboot.c (native_cpu_up, do_boot_cpu, start_secondary);
 * ULK 4.6; xv6 main.c (startothers, mpenter).
 *
 * CPU 0 (the bootstrap processor) finds the others (acpi.c, mpparse.c),
 * gives each an idle task, then starts them one at a time: the
 * trampoline at TRAMPOLINE_PHYS brings the CPU from real mode to paging
 * and jumps here, to start_secondary, on the idle task's stack. The CPU
 * loads its own GDT and TSS and the shared IDT, turns its local APIC on,
 * says it is online and becomes its idle task. */
#include "apic.h"
#include "fpu.h"
#include "smp.h"
#include "x86.h"
#include "../lib/cmdline.h"
#include "../lib/printk.h"
#include "../lib/smp_lock.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../mm/page.h"
#include "../mm/pgtable.h"
#include "../task/sched.h"

#define TRAMPOLINE_PHYS	0x8000

struct trampoline_args {
	u32 cr3, stack, entry;
};

extern char trampoline_start[], trampoline_end[], trampoline_args[];

bool acpi_find_cpus(u32 *lapic_phys);
bool mp_find_cpus(u32 *lapic_phys);
void idt_load(void);

/* start_secondary — the first C an application processor runs. */
static void __noreturn start_secondary(void)
{
	struct cpu *c = this_cpu();

	write_cr4(read_cr4() | CR4_PGE);
	write_cr3(virt_to_phys(swapper_pg_dir));
	gdt_init(c);
	idt_load();
	fpu_cpu_init();
	lapic_init(false);
	lapic_timer_start();
	c->online = true;
	lock_kernel();	/* cpu_idle holds it but around hlt */
	cpu_idle();
}

/* trampoline_pgd — the page directory an AP turns paging on with: the
 * kernel's, plus the low 4 MiB at 0, where the trampoline runs (the
 * next instruction after paging is on must be mapped at its own
 * address). The AP's idle stack may be anywhere in the direct map. */
static pgd_t *trampoline_pgd(void)
{
	struct page *page = alloc_page();
	pgd_t *pgd;

	if (!page)
		return NULL;
	pgd = page_address(page);
	memcpy(pgd, swapper_pg_dir, PAGE_SIZE);
	pgd[0] = 0 | PTE_P | PTE_W | PTE_PS;
	return pgd;
}

/* do_boot_cpu — start one AP and wait (a second at most) for it; it
 * enables paging with boot_pgd. */
static bool do_boot_cpu(struct cpu *c, pgd_t *boot_pgd)
{
	struct task_struct *idle = fork_idle(c->id);
	struct trampoline_args *args;
	u8 *tramp = phys_to_virt(TRAMPOLINE_PHYS);

	if (!idle)
		return false;
	c->idle = idle;
	memcpy(tramp, trampoline_start, trampoline_end - trampoline_start);
	args = (void *)(tramp + (trampoline_args - trampoline_start));
	args->cr3 = virt_to_phys(boot_pgd);
	args->stack = (u32)idle->stack + THREAD_SIZE;
	args->entry = (u32)start_secondary;
	lapic_send_init_sipi(c->apic_id, TRAMPOLINE_PHYS);
	for (int ms = 0; ms < 1000 && !c->online; ms++)
		udelay(1000);
	if (!c->online)
		printk("smp: CPU %d (APIC ID %u) did not start\n", c->id,
		       c->apic_id);
	return c->online;
}

/* smp_init — on CPU 0, once the scheduler and the PIT run. Without an
 * ACPI MADT or MP table, or with one CPU in it, the kernel stays a uniprocessor that
 * never touches an APIC. */
void smp_init(void)
{
	pgd_t *boot_pgd;
	u32 lapic_phys;

	if (!(acpi_find_cpus(&lapic_phys) || mp_find_cpus(&lapic_phys)) ||
	    nr_cpu_ids == 1 || kparams.maxcpus == 0) {
		nr_cpu_ids = 1;		/* maxcpus=0: no APIC at all (nosmp) */
		return;
	}
	apic_map(lapic_phys);
	lapic_init(true);
	cpus[0].apic_id = lapic_id();
	lapic_timer_calibrate();
	boot_pgd = trampoline_pgd();
	for (int i = 1; boot_pgd && i < nr_cpu_ids &&
	     (unsigned long)num_online_cpus < kparams.maxcpus; i++)
		if (do_boot_cpu(&cpus[i], boot_pgd))
			num_online_cpus++;
	if (boot_pgd)
		put_page(virt_to_page(boot_pgd));
	printk("smp: %d of %d CPUs online\n", num_online_cpus, nr_cpu_ids);
	ioapic_init();
}
