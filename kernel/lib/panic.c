/* kernel/lib/panic.c — Linux kernel/panic.c, arch/x86/kernel/dumpstack.c
 * and kernel/kallsyms.c, in brief.
 * A panic prints the message, the registers and a backtrace with symbol
 * names, then ends QEMU through isa-debug-exit (status 0x7F) when the
 * device is there, or halts so that "make gdb" can inspect the machine.
 * Symbols: the build links the kernel twice; the second link embeds the
 * first's sorted text symbols as ksyms[] (tools/ksyms.py). */
#include "panic.h"
#include "../cpu/smp.h"
#include "printk.h"
#include "../cpu/x86.h"
#include "../cpu/mmu.h"
#include "../cpu/trap.h"
#include "../drivers/power.h"
#include "../mm/page.h"

struct ksym {
	u32 addr;
	const char *name;
};

extern const struct ksym ksyms[];
extern const u32 ksyms_count;
extern char _etext[];

#define BACKTRACE_MAX	24

/* ksym_lookup — binary search for the last symbol at or below addr. */
const char *ksym_lookup(u32 addr, u32 *offset, u32 *size)
{
	u32 lo = 0, hi = ksyms_count;

	if (!ksyms_count || addr < ksyms[0].addr || addr >= (u32)_etext)
		return NULL;
	while (hi - lo > 1) {
		u32 mid = (lo + hi) / 2;

		if (ksyms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms[lo].addr;
	*size = (lo + 1 < ksyms_count ? ksyms[lo + 1].addr : (u32)_etext) -
		ksyms[lo].addr;
	return ksyms[lo].name;
}

static void print_ip_sym(u32 ip, bool reliable)
{
	u32 off, size;
	const char *name = ksym_lookup(ip, &off, &size);

	if (name)
		printk(" [<%08x>] %s%s+0x%x/0x%x\n", ip, reliable ? "" : "? ",
		       name, off, size);
	else if (reliable)
		printk(" [<%08x>] ?\n", ip);
}

/* frame_ok — a frame pointer we may dereference: kernel, aligned, mapped. */
static bool frame_ok(u32 bp)
{
	return bp >= PAGE_OFFSET && IS_ALIGNED(bp, 4) &&
	       bp + 8 <= (u32)high_memory;
}

/* scan_stack — text addresses on the stack between sp and the first
 * frame, marked "?" as Linux does: a leaf function that faulted has no
 * frame of its own, and its return address is only found this way. */
static void scan_stack(u32 sp, u32 bp)
{
	if (!frame_ok(sp) || !frame_ok(bp) || bp - sp > 1024)
		return;
	for (u32 *w = (u32 *)sp; (u32)w < bp; w++)
		print_ip_sym(*w - 1, false);
}

/* dump_stack_from — walk the %ebp chain (the kernel is built with frame
 * pointers); entry.asm and boot/entry.asm end it with ebp = 0. */
void dump_stack_from(u32 ip, u32 bp, u32 sp)
{
	printk("Call Trace:\n");
	print_ip_sym(ip, true);
	scan_stack(sp, bp);
	for (int depth = 0; depth < BACKTRACE_MAX && frame_ok(bp); depth++) {
		u32 *frame = (u32 *)bp;
		u32 ret = frame[1];

		if (!ret)
			break;
		print_ip_sym(ret - 1, true);	/* the call, not what follows */
		if (frame[0] <= bp)	/* stacks grow down: callers are higher */
			break;
		bp = frame[0];
	}
}

void show_regs(const struct pt_regs *regs)
{
	printk("EIP: %04x:%08x EFLAGS: %08x (%s mode)\n", regs->cs & 0xFFFF,
	       regs->ip, regs->flags, user_mode(regs) ? "user" : "kernel");
	printk("EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk("ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", regs->si,
	       regs->di, regs->bp, user_mode(regs) ? regs->sp :
	       (u32)&regs->sp);
	printk("DS: %04x ES: %04x FS: %04x GS: %04x trap: %u err: %x\n",
	       regs->ds & 0xFFFF, regs->es & 0xFFFF, regs->fs & 0xFFFF,
	       regs->gs & 0xFFFF, regs->trapno, regs->err);
	printk("CR0: %08x CR2: %08x CR3: %08x CR4: %08x\n", read_cr0(),
	       read_cr2(), read_cr3(), read_cr4());
}

static void __noreturn panic_end(void)
{
	printk("---[ end Kernel panic ]---\n");
	debug_exit(EXIT_STATUS_PANIC);
	for (;;) {
		local_irq_disable();
		halt();
	}
}

/* panic_begin — the headline of every panic, with interrupts off. */
static void panic_begin(const char *fmt, va_list ap)
{
	local_irq_disable();
	smp_send_stop();	/* the other CPUs halt where they are */
	printk("Kernel panic: ");
	vprintk(fmt, ap);
	printk("\n");
}

/* panic — a broken kernel invariant, found by the kernel itself. There is
 * no trap frame: the registers shown are the caller's as panic() sees
 * them (return address, frame and stack pointers, flags, control regs). */
void __noreturn panic(const char *fmt, ...)
{
	u32 *frame = __builtin_frame_address(0);
	u32 ip = (u32)__builtin_return_address(0) - 1;
	va_list ap;

	va_start(ap, fmt);
	panic_begin(fmt, ap);
	va_end(ap);
	printk("EIP: %08x EBP: %08x ESP: %08x EFLAGS: %08x (caller of panic)\n",
	       ip, frame[0], (u32)(frame + 2), read_eflags());
	printk("CR0: %08x CR2: %08x CR3: %08x CR4: %08x\n", read_cr0(),
	       read_cr2(), read_cr3(), read_cr4());
	/* start at our caller: its frame is the one our %ebp points back to */
	dump_stack_from(ip, frame[0], 0);
	panic_end();
}

/* die — a fatal trap: the trap frame tells where the kernel was. */
void __noreturn die(struct pt_regs *regs, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_begin(fmt, ap);
	va_end(ap);
	show_regs(regs);
	dump_stack_from(regs->ip, regs->bp,
			user_mode(regs) ? 0 : (u32)&regs->sp);
	panic_end();
}
