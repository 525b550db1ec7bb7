/* kernel/cpu/trap.c — the IDT and the dispatch of traps and IRQs.
 * Linux arch/x86/kernel/idt.c + traps.c; xv6 trap.c. Every vector lands
 * in trap_dispatch with a struct pt_regs; exceptions go to their handler
 * (page faults to do_page_fault), IRQs to the handler request_irq set. */
#include "trap.h"
#include "segment.h"
#include "fpu.h"
#include "x86.h"
#include "apic.h"
#include "smp.h"
#include "../drivers/pic.h"
#include "../lib/panic.h"
#include "../lib/smp_lock.h"
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
extern const u32 vector_table[LAST_VECTOR + 1];
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
	if (trapno <= LAST_VECTOR)
		return "APIC";
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

/* idt_load — every CPU uses the one IDT. */
void idt_load(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (u32)idt };

	lidt(&p);
}

void trap_init(void)
{
	for (int v = 0; v <= LAST_VECTOR; v++)
		set_gate(v, vector_table[v], GATE_INTR);
	/* Linux's system gates: a user may execute int3 and into */
	set_gate(X86_TRAP_BP, vector_table[X86_TRAP_BP], GATE_USER_INTR);
	set_gate(X86_TRAP_OF, vector_table[X86_TRAP_OF], GATE_USER_INTR);
	set_gate(SYSCALL_VECTOR, (u32)syscall_entry, GATE_USER_INTR);
	idt_load();
}

bool irq_has_handler(unsigned int irq)
{
	return irq < NR_IRQS && irq_handlers[irq];
}

void request_irq(unsigned int irq, irq_handler_t handler)
{
	if (irq >= NR_IRQS)
		panic("request_irq: bad irq %u", irq);
	irq_handlers[irq] = handler;
	if (ioapic_routes(irq))
		ioapic_unmask(irq);
	else
		pic_unmask(irq);
}

static void handle_irq(struct pt_regs *regs)
{
	unsigned int irq = regs->trapno - FIRST_EXTERNAL_VECTOR;

	if (ioapic_routes(irq))
		lapic_eoi();	/* before the handler: it may switch tasks */
	else if (pic_spurious(irq))
		return;
	else
		pic_eoi(irq);
	this_cpu()->irq_count[irq]++;
	if (irq_handlers[irq])
		irq_handlers[irq](regs);
}

/* The signal a user-mode exception sends, and its si_code (Linux
 * arch/x86/kernel/traps.c: do_trap with no code is SI_KERNEL). */
static const struct {
	u8 sig, code;
} trap_signals[32] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_TRACE },
	[X86_TRAP_BP] = { SIGTRAP, SI_KERNEL },
	[X86_TRAP_OF] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_BR] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN },
	[X86_TRAP_NM] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_TS] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_NP] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_SS] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_GP] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN },
};

extern const char ret_from_trap_fix_iret[];

/* fixup_exit_path — a fault on ret_from_trap's way back to user mode (a
 * segment pop or the iret: entry.asm). This trap's own frame holds the
 * registers live at the fault; they are reloaded before the fixup runs.
 * For a pop, they may be the user's stale %fs/%gs, which would fault
 * again: the fixup only touches the stack, so it gets the kernel's
 * segments. For the iret, every user segment but %cs/%ss was just loaded
 * and is the user's own: the fixup saves them as the user's frame. */
static bool fixup_exit_path(struct pt_regs *regs)
{
	if (!fixup_exception(regs))
		return false;
	if (regs->ip != (u32)ret_from_trap_fix_iret) {
		regs->ds = regs->es = __KERNEL_DS;
		regs->fs = regs->gs = 0;
	}
	return true;
}

static bool segment_fault(unsigned int trapno)
{
	return trapno == X86_TRAP_NP || trapno == X86_TRAP_SS ||
	       trapno == X86_TRAP_GP;
}

/* handle_exception — in user mode, the faulting thread gets the signal
 * (a bug of the program); in the kernel, it is a kernel bug: die. */
static void handle_exception(struct pt_regs *regs)
{
	if (user_mode(regs) && (regs->trapno == X86_TRAP_MF ||
				regs->trapno == X86_TRAP_XF)) {
		math_error(regs);
		return;
	}
	if (user_mode(regs) && trap_signals[regs->trapno].sig) {
		force_sig_fault(trap_signals[regs->trapno].sig,
				trap_signals[regs->trapno].code, regs->ip);
		return;
	}
	if (segment_fault(regs->trapno) && !user_mode(regs) &&
	    fixup_exit_path(regs))
		return;
	die(regs, "%s (trap %u, error code 0x%x)", trap_name(regs->trapno),
	    regs->trapno, regs->err);
}

/* check_lock_depth — on the way to user mode a task holds the big lock
 * exactly once (this entry's): anything else is a lock_kernel without
 * its unlock_kernel, or the reverse, somewhere on this task's path. */
static void check_lock_depth(void)
{
	static bool said;

	if (current->lock_depth != 1 && !said) {
		said = true;
		printk("BUG: pid %d (%s) returns to user mode with the big "
		       "kernel lock taken %d times\n", current->pid,
		       current->comm, current->lock_depth);
	}
}

/* trap_dispatch — under the big kernel lock (kernel_lock.c), but for
 * the IPIs another CPU may wait for while it holds that lock. */
void trap_dispatch(struct pt_regs *regs)
{
	if (regs->trapno >= FIRST_EXTERNAL_VECTOR + NR_IRQS &&
	    regs->trapno <= LAST_VECTOR && smp_ipi_nolock(regs))
		return;
	lock_kernel();
	if (regs->trapno == SYSCALL_VECTOR)
		do_syscall(regs);
	else if (regs->trapno == IRET_ERROR_VECTOR)	/* Linux do_iret_error */
		force_sig_fault(SIGILL, ILL_BADSTK, 0);
	else if (regs->trapno >= FIRST_EXTERNAL_VECTOR + NR_IRQS)
		smp_interrupt(regs);
	else if (regs->trapno >= FIRST_EXTERNAL_VECTOR)
		handle_irq(regs);
	else if (regs->trapno == X86_TRAP_PF)
		do_page_fault(regs);
	else
		handle_exception(regs);
	/* preemption point: only on the way back to user mode (sched.c) */
	if (user_mode(regs) && current->need_resched)
		schedule();
	if (user_mode(regs)) {
		exit_if_killed();
		do_signal(regs);
		check_lock_depth();
	}
	unlock_kernel();
}
