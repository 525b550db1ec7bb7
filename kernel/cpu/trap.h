/* kernel/cpu/trap.h — the IDT, trap dispatch and interrupt handlers. */
#ifndef CLONIX_TRAP_H
#define CLONIX_TRAP_H

#include "ptrace.h"

/* The exceptions the kernel handles by name (Intel SDM 6.15) */
#define X86_TRAP_DE		0	/* divide error */
#define X86_TRAP_DB		1	/* debug (single step) */
#define X86_TRAP_BP		3	/* int3 */
#define X86_TRAP_OF		4	/* into */
#define X86_TRAP_BR		5	/* bound range */
#define X86_TRAP_UD		6	/* invalid opcode */
#define X86_TRAP_NM		7	/* device not available */
#define X86_TRAP_TS		10	/* invalid TSS */
#define X86_TRAP_NP		11	/* segment not present */
#define X86_TRAP_SS		12	/* stack segment */
#define X86_TRAP_GP		13	/* general protection */
#define X86_TRAP_PF		14	/* page fault */
#define X86_TRAP_MF		16	/* x87 floating-point error */
#define X86_TRAP_AC		17	/* alignment check */
#define X86_TRAP_XF		19	/* SIMD floating-point error */

#define FIRST_EXTERNAL_VECTOR	32	/* IRQ 0 after the PIC remap */
/* Not a hardware vector: an iret back to user mode failed (entry.asm
 * .fix_iret), Linux's X86_TRAP_IRET; the task gets SIGILL. */
#define IRET_ERROR_VECTOR	0x100
#define NR_IRQS			16
#define SYSCALL_VECTOR		0x80

typedef void (*irq_handler_t)(struct pt_regs *regs);

void trap_init(void);
void idt_load(void);
void smp_interrupt(struct pt_regs *regs);
bool smp_ipi_nolock(struct pt_regs *regs);
void trap_dispatch(struct pt_regs *regs);
void request_irq(unsigned int irq, irq_handler_t handler);
bool irq_has_handler(unsigned int irq);
const char *trap_name(unsigned int trapno);

#endif
