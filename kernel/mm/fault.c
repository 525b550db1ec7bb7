/* kernel/mm/fault.c — the page-fault handler; Linux arch/x86/mm/fault.c
 * (do_user_addr_fault, bad_area, no_context); ULK 9.4 figure 9-4.
 * A fault at a user address inside an area (or just below a stack that
 * may grow) goes to handle_mm_fault: demand zero or copy-on-write. What
 * it cannot resolve is, from user mode, a SIGSEGV; from a user copy in
 * the kernel, -EFAULT through the exception table; anywhere else in the
 * kernel, an oops. */
#include "fault.h"
#include "mm.h"
#include "uaccess.h"
#include "../cpu/mmu.h"
#include "../cpu/x86.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../lib/trace.h"
#include "../task/signal.h"
#include <asm/signal.h>

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

/* fault_in_area — try to resolve a fault at a user address. */
static enum vm_fault fault_in_area(struct mm_struct *mm, u32 address,
				   bool write)
{
	struct vm_area_struct *vma = find_vma(mm, address);

	if (!vma || (vma->vm_start > address && !expand_stack(vma, address)))
		return VM_FAULT_SIGSEGV;
	return handle_mm_fault(vma, address, write);
}

/* user_fault_signal — the task touched what it may not: SIGSEGV to the
 * faulting thread (its handler may run), with Linux's console line when
 * it is not handled. When memory ran out, the OOM killer picks a victim
 * and the access is retried (Linux pagefault_out_of_memory); with no one
 * left to kill, the kernel cannot go on. */
static void user_fault_signal(struct pt_regs *regs, u32 address,
			      enum vm_fault why)
{
	if (why == VM_FAULT_OOM) {
		if (!out_of_memory())
			panic("Out of memory and no killable processes");
		return;
	}
	if (why == VM_FAULT_SIGBUS) {	/* a file mapping past its end */
		trace(fault, "pid %d gets SIGBUS for %08x", current->pid, address);
		force_sig_fault(SIGBUS, BUS_ADRERR, address);
		return;
	}
	if (current->sighand->action[SIGSEGV - 1].handler == SIG_DFL &&
	    printk_ratelimit("show_signal_msg"))
		printk("%s[%d]: segfault at %x ip %08x sp %08x error %x\n",
		       current->comm, current->pid, address, regs->ip,
		       regs->sp, regs->err);
	trace(fault, "pid %d gets SIGSEGV for %08x", current->pid, address);
	/* a kernel address is "not mapped" for user mode, present or not
	 * (Linux do_kern_addr_fault -> bad_area_nosemaphore) */
	force_sig_fault(SIGSEGV, regs->err & PF_PROT && address < TASK_SIZE ?
			SEGV_ACCERR : SEGV_MAPERR, address);
}

void do_page_fault(struct pt_regs *regs)
{
	u32 address = read_cr2();
	struct mm_struct *mm = current->mm;
	enum vm_fault r = VM_FAULT_SIGSEGV;

	if (address < TASK_SIZE && mm) {
		local_irq_enable();	/* may allocate, and take a while */
		r = fault_in_area(mm, address, regs->err & PF_WRITE);
		if (r == VM_FAULT_DONE)
			return;
	}
	if (user_mode(regs)) {
		user_fault_signal(regs, address, r);
		return;
	}
	if (fixup_exception(regs))
		return;
	show_fault_oops(regs, address);
	die(regs, "page fault at %08x", address);
}
