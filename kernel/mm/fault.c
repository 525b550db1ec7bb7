/* kernel/mm/fault.c — the page-fault handler; Linux arch/x86/mm/fault.c.
 * Until user space exists every page fault is the kernel's own bug, so
 * the only path is Linux's "unable to handle page fault" oops: say which
 * address, what kind of access and why, then die with registers and a
 * backtrace. The copy-on-write and demand-zero paths arrive with mm_struct. */
#include "fault.h"
#include "../cpu/mmu.h"
#include "../cpu/x86.h"
#include "../lib/panic.h"
#include "../lib/printk.h"

static void show_fault_oops(const struct pt_regs *regs, u32 address)
{
	printk("BUG: unable to handle page fault for address: %08x\n", address);
	printk("#PF: %s %s access in %s mode\n",
	       regs->err & PF_USER ? "user" : "supervisor",
	       regs->err & PF_WRITE ? "write" : "read",
	       user_mode(regs) ? "user" : "kernel");
	printk("#PF: error_code(0x%04x) - %s\n", regs->err,
	       regs->err & PF_PROT ? "permissions violation" :
	       "not-present page");
}

void do_page_fault(struct pt_regs *regs)
{
	u32 address = read_cr2();

	show_fault_oops(regs, address);
	die(regs, "page fault at %08x", address);
}
