/* kernel/cpu/io_apic.c — the I/O APIC: device interrupts to any CPU.
 * Linux arch/x86/kernel/apic/io_apic.c; Intel 82093AA datasheet; ULK
 * 4.6.1.1 ("The Advanced Programmable Interrupt Controller").
 *
 * Each input pin has a redirection entry: the vector, the CPU (by APIC
 * ID) it goes to, edge or level, polarity, and a mask bit. The ISA lines
 * reach the pins the MADT says (an "interrupt source override" moves
 * IRQ 0 to pin 2 on QEMU's PC); the other lines are identity-mapped.
 * With several CPUs, the keyboard and serial interrupts are spread over
 * them (irq mod CPUs) and acknowledged at the local APIC. The PIT's IRQ
 * 0 stays on the 8259 and CPU 0's LINT0 ("virtual wire"): the 8259's
 * request register tells uptime_us a tick is pending, from any CPU. */
#include "apic.h"
#include "smp.h"
#include "trap.h"
#include "../drivers/pic.h"
#include "../lib/printk.h"

#define IOREGSEL	0x00
#define IOWIN		0x10
#define IOAPICVER	0x01
#define IOREDTBL(pin)	(0x10 + 2 * (pin))
#define  RTE_MASKED	(1u << 16)
#define  RTE_LEVEL	(1u << 15)
#define  RTE_LOW	(1u << 13)

#define ISO_POLARITY_LOW	0x3	/* MADT override flags, bits 0-1 */
#define ISO_TRIGGER_LEVEL	0xC	/* bits 2-3 */

static volatile u32 *ioapic;
static u32 ioapic_phys, gsi_base;
static struct {
	u32 gsi;		/* the pin, + gsi_base */
	u32 flags;		/* RTE_LEVEL, RTE_LOW */
	bool overridden;
} isa[NR_IRQS];
bool ioapic_active;

static u32 io_read(u32 reg)
{
	ioapic[IOREGSEL / 4] = reg;
	return ioapic[IOWIN / 4];
}

static void io_write(u32 reg, u32 v)
{
	ioapic[IOREGSEL / 4] = reg;
	ioapic[IOWIN / 4] = v;
}

/* ioapic_add, ioapic_override — what acpi.c finds in the MADT. */
void ioapic_add(u32 phys, u32 base)
{
	if (!ioapic_phys) {
		ioapic_phys = phys;
		gsi_base = base;
	}
}

void ioapic_override(u8 irq, u32 gsi, u16 flags)
{
	if (irq >= NR_IRQS)
		return;
	isa[irq].gsi = gsi;
	isa[irq].flags = ((flags & 3) == ISO_POLARITY_LOW ? RTE_LOW : 0) |
			 ((flags & 0xC) == ISO_TRIGGER_LEVEL ? RTE_LEVEL : 0);
	isa[irq].overridden = true;
}

static u32 pin_of(unsigned int irq)
{
	return (isa[irq].overridden ? isa[irq].gsi : irq) - gsi_base;
}

/* routed — does irq come through the I/O APIC (else the 8259)? */
bool ioapic_routes(unsigned int irq)
{
	return ioapic_active && irq != IRQ_TIMER && irq != IRQ_CASCADE;
}

/* ioapic_unmask — irq's entry on: its vector, to cpus[irq mod CPUs]. */
void ioapic_unmask(unsigned int irq)
{
	const struct cpu *c = &cpus[irq % num_online_cpus];
	u32 pin = pin_of(irq);

	io_write(IOREDTBL(pin) + 1, (u32)c->apic_id << 24);
	io_write(IOREDTBL(pin), (FIRST_EXTERNAL_VECTOR + irq) | isa[irq].flags);
}

/* ioapic_init — after the other CPUs are up: every pin masked, then the
 * lines that already have a handler move from the 8259 to here. */
void ioapic_init(void)
{
	u32 pins;

	if (!ioapic_phys || !apic_map_covers(ioapic_phys))
		return;
	ioapic = (volatile u32 *)ioapic_phys;
	pins = ((io_read(IOAPICVER) >> 16) & 0xFF) + 1;
	for (u32 pin = 0; pin < pins; pin++)
		io_write(IOREDTBL(pin), RTE_MASKED);
	ioapic_active = true;
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		if (ioapic_routes(irq) && irq_has_handler(irq)) {
			pic_mask(irq);
			ioapic_unmask(irq);
		}
	printk("io_apic: %u pins at %08x; IRQ 0 stays on the 8259\n", pins,
	       ioapic_phys);
}
