/* kernel/drivers/pic.h — the two cascaded 8259A interrupt controllers. */
#ifndef CLONIX_PIC_H
#define CLONIX_PIC_H

#include "../lib/kernel.h"

#define IRQ_TIMER	0
#define IRQ_KBD		1
#define IRQ_CASCADE	2
#define IRQ_COM1	4
#define IRQ_ATA		14

void pic_init(void);
void pic_unmask(unsigned int irq);
void pic_mask(unsigned int irq);
void pic_eoi(unsigned int irq);
bool pic_spurious(unsigned int irq);

#endif
