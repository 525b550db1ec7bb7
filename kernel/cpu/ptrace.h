/* kernel/cpu/ptrace.h — struct pt_regs: the trap frame built by
 * kernel/cpu/entry.asm, field for field in the order it lies on the stack
 * (Linux arch/x86/include/asm/ptrace.h, 32-bit, plus trapno/err). */
#ifndef CLONIX_PTRACE_H
#define CLONIX_PTRACE_H

#include "../lib/kernel.h"

struct pt_regs {
	u32 bx, cx, dx, si, di, bp, ax;	/* pushed by the common stub */
	u32 ds, es, fs, gs;
	u32 orig_ax;	/* syscall number, or -1 for a trap or IRQ */
	u32 trapno;	/* vector number, pushed by the vector stub */
	u32 err;	/* CPU error code, or 0 */
	u32 ip, cs, flags;	/* pushed by the CPU */
	u32 sp, ss;	/* pushed by the CPU only on a ring change */
};

/* The asm side hard-codes these offsets (entry.asm stack table). */
_Static_assert(offsetof(struct pt_regs, bx) == 0, "pt_regs.bx");
_Static_assert(offsetof(struct pt_regs, ax) == 24, "pt_regs.ax");
_Static_assert(offsetof(struct pt_regs, ds) == 28, "pt_regs.ds");
_Static_assert(offsetof(struct pt_regs, gs) == 40, "pt_regs.gs");
_Static_assert(offsetof(struct pt_regs, orig_ax) == 44, "pt_regs.orig_ax");
_Static_assert(offsetof(struct pt_regs, trapno) == 48, "pt_regs.trapno");
_Static_assert(offsetof(struct pt_regs, err) == 52, "pt_regs.err");
_Static_assert(offsetof(struct pt_regs, ip) == 56, "pt_regs.ip");
_Static_assert(offsetof(struct pt_regs, flags) == 64, "pt_regs.flags");
_Static_assert(offsetof(struct pt_regs, sp) == 68, "pt_regs.sp");
_Static_assert(sizeof(struct pt_regs) == 76, "pt_regs size");

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
