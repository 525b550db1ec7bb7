/* kernel/test/test_fault.c — a deliberate kernel page fault (test=fault).
 * It must end in Linux's oops text, registers and a backtrace that names
 * selftest_page_fault and its callers; tests/host/test_panic.py checks
 * that, and that QEMU reports the panic status. */
#include "selftest.h"
#include "../lib/printk.h"

/* A field of a NULL struct pointer: boot's identity map is gone, so the
 * whole user half is unmapped in swapper_pg_dir. */
#define UNMAPPED_ADDRESS	0x00000010UL

/* through a volatile pointer, so the compiler cannot see it is bogus */
static u32 *volatile fault_ptr = (u32 *)UNMAPPED_ADDRESS;

/* noinline: the function must have its own frame to show in the trace. */
static void __attribute__((noinline)) selftest_page_fault(void)
{
	*fault_ptr = 0x1234;
}

void test_fault(void)
{
	printk("fault: writing to %08lx, which no page maps\n",
	       UNMAPPED_ADDRESS);
	selftest_page_fault();
	check(false, "fault: the write should not have returned");
}
