/* kernel/cpu/trap.h — the IDT, trap dispatch and interrupt handlers. */
#ifndef CLONIX_TRAP_H
#define CLONIX_TRAP_H

#include "ptrace.h"

#define FIRST_EXTERNAL_VECTOR	32	/* IRQ 0 after the PIC remap */
#define NR_IRQS			16
#define SYSCALL_VECTOR		0x80

typedef void (*irq_handler_t)(struct pt_regs *regs);

void trap_init(void);
void trap_dispatch(struct pt_regs *regs);
void request_irq(unsigned int irq, irq_handler_t handler);
const char *trap_name(unsigned int trapno);

#endif
