/* kernel/syscall/syscall.c — int $0x80: decode and dispatch.
 * Linux arch/x86/entry/common.c (do_int80_syscall_32); ULK 10.3.
 * Number in %eax, arguments in %ebx %ecx %edx %esi %edi %ebp, result
 * (or -errno) back in %eax. The table is generated from syscall_32.tbl. */
#include "syscall.h"
#include "../cpu/x86.h"
#include "../lib/printk.h"
#include <asm/errno.h>

#define MAX_LOGGED	512

static u32 logged[MAX_LOGGED / 32];	/* numbers already reported */

/* sys_ni_syscall — the table's entry for every unimplemented number. */
long sys_ni_syscall(long a __unused, long b __unused, long c __unused,
		    long d __unused, long e __unused, long f __unused)
{
	return -ENOSYS;
}

/* ni_syscall_log — say once per number that a program asked for a call
 * clonix does not have, so it is visible but not noisy. */
void ni_syscall_log(unsigned int nr)
{
	if (nr >= MAX_LOGGED || (logged[nr / 32] & (1u << (nr % 32))))
		return;
	logged[nr / 32] |= 1u << (nr % 32);
	printk("syscall: %u (%s) not implemented: -ENOSYS\n", nr,
	       nr < NR_syscalls && syscall_names[nr] ? syscall_names[nr] :
	       "unknown");
}

void do_syscall(struct pt_regs *regs)
{
	unsigned int nr = regs->orig_ax;
	syscall_fn_t fn;

	local_irq_enable();		/* system calls run interruptible */
	fn = nr < NR_syscalls ? sys_call_table[nr] : sys_ni_syscall;
	if (fn == sys_ni_syscall)
		ni_syscall_log(nr);
	regs->ax = fn(regs->bx, regs->cx, regs->dx, regs->si, regs->di,
		      regs->bp);
}
