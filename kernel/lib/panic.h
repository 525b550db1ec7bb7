/* kernel/lib/panic.h — fatal kernel errors, with registers and backtrace. */
#ifndef CLONIX_PANIC_H
#define CLONIX_PANIC_H

#include "kernel.h"
#include "../cpu/ptrace.h"

void __noreturn panic(const char *fmt, ...) __printf(1, 2);
void __noreturn die(struct pt_regs *regs, const char *fmt, ...) __printf(2, 3);
void show_regs(const struct pt_regs *regs);
void dump_stack_from(u32 ip, u32 bp, u32 sp);
const char *ksym_lookup(u32 addr, u32 *offset, u32 *size);

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__,	\
			      __LINE__);				\
	} while (0)

#endif
