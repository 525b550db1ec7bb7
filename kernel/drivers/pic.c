/* kernel/drivers/pic.c — 8259A PIC; Linux arch/x86/kernel/i8259.c, OSDev
 * "8259 PIC". IRQ 0-15 are remapped to vectors 32-47 so they do not
 * collide with CPU exceptions; every line starts masked and request_irq
 * unmasks the ones that have a handler. */
#include "pic.h"
#include "../cpu/x86.h"
#include "../cpu/trap.h"

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xA0
#define PIC2_DATA	0xA1
#define ICW1_INIT_ICW4	0x11	/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0B

static u16 irq_mask = 0xFFFF & ~(1 << IRQ_CASCADE);

static void pic_write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xFF);
	outb(PIC2_DATA, irq_mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, FIRST_EXTERNAL_VECTOR);		/* ICW2: base vector */
	outb(PIC2_DATA, FIRST_EXTERNAL_VECTOR + 8);
	outb(PIC1_DATA, 1 << IRQ_CASCADE);		/* ICW3: slave on IRQ2 */
	outb(PIC2_DATA, IRQ_CASCADE);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	pic_write_mask();
}

void pic_unmask(unsigned int irq)
{
	irq_mask &= ~(1 << irq);
	pic_write_mask();
}

void pic_mask(unsigned int irq)
{
	irq_mask |= 1 << irq;
	pic_write_mask();
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}

/* pic_spurious — IRQ 7 and 15 may be raised by noise; the in-service
 * register then shows no IRQ in service, and no EOI is owed (except to the
 * master for a spurious IRQ 15, which it did see as IRQ 2). */
bool pic_spurious(unsigned int irq)
{
	u16 port = irq == 7 ? PIC1_CMD : PIC2_CMD;

	if (irq != 7 && irq != 15)
		return false;
	outb(port, OCW3_READ_ISR);
	if (inb(port) & 0x80)
		return false;
	if (irq == 15)
		outb(PIC1_CMD, OCW2_EOI);
	return true;
}
