/* kernel/cpu/trap.c — the IDT and the dispatch of traps and IRQs.
 * Linux arch/x86/kernel/idt.c + traps.c; xv6 trap.c. Every vector lands
 * in trap_dispatch with a struct pt_regs; exceptions go to their handler
 * (page faults to do_page_fault), IRQs to the handler request_irq set. */
#include "trap.h"
#include "segment.h"
#include "x86.h"
#include "../drivers/pic.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../mm/fault.h"
#include "../mm/uaccess.h"
#include "../syscall/syscall.h"
#include "../task/signal.h"

#define GATE_INTR	0x8E	/* present, ring 0, 32-bit interrupt gate */
#define GATE_USER_INTR	0xEE	/* the same, callable from ring 3 (int $0x80) */

struct gate_desc {
	u16 offset_low;
	u16 selector;
	u8 zero;
	u8 type;
	u16 offset_high;
} __packed;

static struct gate_desc idt[256] __aligned(8);
static irq_handler_t irq_handlers[NR_IRQS];
extern const u32 vector_table[FIRST_EXTERNAL_VECTOR + NR_IRQS];
extern char syscall_entry[];

static const char *const trap_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection", "page fault", "reserved",
	"x87 floating point", "alignment check", "machine check",
	"SIMD floating point", "virtualization", "control protection",
};

const char *trap_name(unsigned int trapno)
{
	if (trapno < 32)
		return trap_names[trapno] ? trap_names[trapno] : "reserved";
	if (trapno < FIRST_EXTERNAL_VECTOR + NR_IRQS)
		return "IRQ";
	return "unknown";
}

static void set_gate(int vec, u32 handler, u8 type)
{
	idt[vec] = (struct gate_desc){
		.offset_low = handler & 0xFFFF,
		.selector = __KERNEL_CS,
		.type = type,
		.offset_high = handler >> 16,
	};
}

void trap_init(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (u32)idt };

	for (int v = 0; v < FIRST_EXTERNAL_VECTOR + NR_IRQS; v++)
		set_gate(v, vector_table[v], GATE_INTR);
	set_gate(SYSCALL_VECTOR, (u32)syscall_entry, GATE_USER_INTR);
	lidt(&p);
}

void request_irq(unsigned int irq, irq_handler_t handler)
{
	if (irq >= NR_IRQS)
		panic("request_irq: bad irq %u", irq);
	irq_handlers[irq] = handler;
	pic_unmask(irq);
}

static void handle_irq(struct pt_regs *regs)
{
	unsigned int irq = regs->trapno - FIRST_EXTERNAL_VECTOR;

	if (pic_spurious(irq))
		return;
	pic_eoi(irq);	/* before the handler: it may switch tasks */
	if (irq_handlers[irq])
		irq_handlers[irq](regs);
}

/* The signal a user-mode exception sends, and its si_code (Linux
 * arch/x86/kernel/traps.c). */
static const struct {
	u8 sig, code;
} trap_signals[32] = {
	[0] = { SIGFPE, FPE_INTDIV }, [1] = { SIGTRAP, TRAP_BRKPT },
	[3] = { SIGTRAP, TRAP_BRKPT }, [4] = { SIGSEGV, SI_KERNEL },
	[5] = { SIGSEGV, SI_KERNEL }, [6] = { SIGILL, ILL_ILLOPN },
	[7] = { SIGSEGV, SI_KERNEL }, [10] = { SIGSEGV, SI_KERNEL },
	[11] = { SIGBUS, SI_KERNEL }, [12] = { SIGBUS, SI_KERNEL },
	[13] = { SIGSEGV, SI_KERNEL }, [16] = { SIGFPE, SI_KERNEL },
	[17] = { SIGBUS, BUS_ADRALN }, [19] = { SIGFPE, SI_KERNEL },
};

extern const char ret_from_trap_fix_fs[];

/* fixup_segment — a #GP on ret_from_trap's "pop fs" or "pop gs" (entry.asm:
 * a user selector naming no usable segment). The fixup retries with 0.
 * This trap's own frame saved the live, equally unusable register, so it
 * must not reload it either: it gets 0 too (fs only if fs was the one). */
static bool fixup_segment(struct pt_regs *regs)
{
	if (!fixup_exception(regs))
		return false;
	regs->gs = 0;
	if (regs->ip == (u32)ret_from_trap_fix_fs)
		regs->fs = 0;
	return true;
}

/* handle_exception — in user mode, the faulting thread gets the signal
 * (a bug of the program); in the kernel, it is a kernel bug: die. */
static void handle_exception(struct pt_regs *regs)
{
	if (user_mode(regs) && trap_signals[regs->trapno].sig) {
		force_sig_fault(trap_signals[regs->trapno].sig,
				trap_signals[regs->trapno].code, regs->ip);
		return;
	}
	if (regs->trapno == 13 && !user_mode(regs) && fixup_segment(regs))
		return;
	die(regs, "%s (trap %u, error code 0x%x)", trap_name(regs->trapno),
	    regs->trapno, regs->err);
}

void trap_dispatch(struct pt_regs *regs)
{
	if (regs->trapno == SYSCALL_VECTOR)
		do_syscall(regs);
	else if (regs->trapno >= FIRST_EXTERNAL_VECTOR)
		handle_irq(regs);
	else if (regs->trapno == 14)
		do_page_fault(regs);
	else
		handle_exception(regs);
	/* preemption point: only on the way back to user mode (sched.c) */
	if (user_mode(regs) && current->need_resched)
		schedule();
	if (user_mode(regs)) {
		exit_if_killed();
		do_signal(regs);
	}
}
