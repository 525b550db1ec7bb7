/* kernel/cpu/apic.c — the local APIC. Linux arch/x86/kernel/apic/apic.c
 * and ipi.c; Intel SDM vol. 3 ch. 10; xv6 lapic.c.
 *
 * Each CPU has one, at the same physical address (0xFEE00000): a read or
 * write reaches the APIC of the CPU that makes it. It gives the CPU a
 * timer of its own (the scheduler's tick on every CPU but 0, whose tick
 * is the PIT's: pit.c), takes the end-of-interrupt of its vectors, and
 * sends interrupts to other CPUs (IPIs) through the interrupt command
 * register. The 8259's output (the PIT's tick) reaches CPU 0's LINT0 pin
 * ("virtual wire" mode, MP spec 3.6.2.2); the other device interrupts
 * come through the I/O APIC (io_apic.c). */
#include "apic.h"
#include "x86.h"
#include "../drivers/timer.h"
#include "../lib/jiffies.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../mm/pgtable.h"

#define APIC_ID		0x020
#define APIC_TPR	0x080	/* task priority: 0 takes every vector */
#define APIC_EOI	0x0B0
#define APIC_SVR	0x0F0	/* spurious vector, and the enable bit */
#define  APIC_SVR_ENABLE	0x100
#define APIC_ESR	0x280
#define APIC_ICR_LO	0x300
#define APIC_ICR_HI	0x310
#define  ICR_INIT		0x00500
#define  ICR_STARTUP		0x00600
#define  ICR_PENDING		0x01000	/* delivery status: not yet taken */
#define  ICR_ASSERT		0x04000
#define  ICR_LEVEL		0x08000
#define APIC_LVT_TIMER	0x320
#define  LVT_PERIODIC		0x20000
#define  LVT_MASKED		0x10000
#define APIC_LVT_LINT0	0x350
#define APIC_LVT_LINT1	0x360
#define  LVT_EXTINT		0x00700
#define  LVT_NMI		0x00400
#define APIC_LVT_ERROR	0x370
#define APIC_TIMER_INIT	0x380
#define APIC_TIMER_CUR	0x390
#define APIC_TIMER_DIV	0x3E0
#define  DIV_BY_16		0x3

/* The local APIC's page, mapped uncached at its own address (the one
 * 4 MiB page holding it and the I/O APIC, above the direct map). */
static volatile u32 *lapic;
static u32 mapped_base;		/* the 4 MiB apic_map mapped */
bool apic_enabled;
static u32 timer_count;		/* APIC timer counts in one tick (1/HZ s) */

static u32 apic_read(u32 reg)
{
	return lapic[reg / 4];
}

static void apic_write(u32 reg, u32 v)
{
	lapic[reg / 4] = v;
	(void)lapic[APIC_ID / 4];	/* wait for the write to land */
}

/* apic_map — the APIC's registers into the kernel's half of every
 * address space: a PDE of swapper_pg_dir, copied by each new pgd. */
void apic_map(u32 phys)
{
	u32 base = phys & ~(PGDIR_SIZE - 1);

	swapper_pg_dir[PDX(base)] = base | PTE_P | PTE_W | PTE_PS | PTE_PCD |
				     PTE_PWT | PTE_G;
	write_cr3(read_cr3());
	lapic = (volatile u32 *)phys;
	mapped_base = base;
	apic_enabled = true;
}

/* apic_map_covers — is phys inside that mapping (the I/O APIC is, at
 * 0xFEC00000, on every PC)? */
bool apic_map_covers(u32 phys)
{
	return apic_enabled && (phys & ~(PGDIR_SIZE - 1)) == mapped_base;
}

u8 lapic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/* lapic_init — this CPU's APIC on, every vector accepted; CPU 0 keeps
 * the PIC's wire on LINT0 and the NMI on LINT1, the others mask both. */
void lapic_init(bool boot_cpu)
{
	apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVT_LINT0, boot_cpu ? LVT_EXTINT : LVT_MASKED);
	apic_write(APIC_LVT_LINT1, boot_cpu ? LVT_NMI : LVT_MASKED);
	apic_write(APIC_LVT_ERROR, LVT_MASKED);
	apic_write(APIC_LVT_TIMER, LVT_MASKED);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_TPR, 0);
	apic_write(APIC_EOI, 0);
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* lapic_timer_calibrate — on CPU 0, with the PIT ticking: how many APIC
 * timer counts make one tick (Linux calibrate_APIC_clock). */
void lapic_timer_calibrate(void)
{
	u64 start;

	apic_write(APIC_TIMER_DIV, DIV_BY_16);
	start = get_jiffies_64();
	while (get_jiffies_64() == start)
		safe_halt();
	apic_write(APIC_TIMER_INIT, 0xFFFFFFFF);
	start = get_jiffies_64();
	while (get_jiffies_64() < start + 5)
		safe_halt();
	timer_count = (0xFFFFFFFF - apic_read(APIC_TIMER_CUR)) / 5;
	apic_write(APIC_TIMER_INIT, 0);
	if (!timer_count)
		panic("apic: the local APIC timer does not count");
}

/* lapic_timer_start — this CPU's periodic tick, HZ times a second. */
void lapic_timer_start(void)
{
	apic_write(APIC_TIMER_DIV, DIV_BY_16);
	apic_write(APIC_LVT_TIMER, LVT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TIMER_INIT, timer_count);
}

static void icr_wait(void)
{
	while (apic_read(APIC_ICR_LO) & ICR_PENDING)
		cpu_relax();
}

/* lapic_send_ipi — a fixed-delivery interrupt to one CPU's APIC. */
void lapic_send_ipi(u8 apic_id, u32 vector)
{
	u32 flags = read_eflags();

	local_irq_disable();	/* ICR_HI then ICR_LO, not interleaved */
	icr_wait();
	apic_write(APIC_ICR_HI, (u32)apic_id << 24);
	apic_write(APIC_ICR_LO, vector);
	icr_wait();
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/* udelay — busy-wait on the PIT-backed clock (CPU 0's, at boot). */
void udelay(unsigned long us)
{
	u64 end = uptime_us() + us;

	while (uptime_us() < end)
		cpu_relax();
}

/* lapic_send_init_sipi — the universal start-up algorithm (MP spec
 * B.4): INIT, 10 ms, then two STARTUPs whose vector is the page the AP
 * starts at in real mode. */
void lapic_send_init_sipi(u8 apic_id, u32 trampoline_phys)
{
	apic_write(APIC_ICR_HI, (u32)apic_id << 24);
	apic_write(APIC_ICR_LO, ICR_INIT | ICR_LEVEL | ICR_ASSERT);
	icr_wait();
	udelay(10000);
	for (int i = 0; i < 2; i++) {
		apic_write(APIC_ICR_HI, (u32)apic_id << 24);
		apic_write(APIC_ICR_LO, ICR_STARTUP | (trampoline_phys >> 12));
		icr_wait();
		udelay(200);
	}
}
