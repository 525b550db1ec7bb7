/* kernel/test/test_fault.c — deliberate ends, checked from the host by
 * tests/host/test_panic.py:
 * - test=fault: a kernel page fault must give Linux's oops text, registers
 *   and a backtrace naming selftest_page_fault and its callers;
 * - test=panic: panic() itself, with its register line and backtrace;
 * - test=stack: a kernel stack's end canary overwritten must panic at
 *   the next schedule, naming the task;
 * - test=triple: a triple fault (an exception with no IDT) must reset the
 *   machine, which -no-reboot turns into QEMU exiting: the harness must
 *   report that as a failure, not mistake it for a power-off. */
#include "selftest.h"
#include "../cpu/x86.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../task/sched.h"

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

static void __attribute__((noinline)) selftest_panic(void)
{
	panic("deliberate panic from test=panic (%d)", 42);
}

/* test_stack_overflow — what an overflow does first: the canary at the
 * stack's end is overwritten (here on purpose); the next schedule()
 * must stop the kernel with a clear panic instead of running on. */
void test_stack_overflow(void)
{
	*end_of_stack(current) = 0;
	yield();
}

void test_panic(void)
{
	selftest_panic();
}

void test_triple_fault(void)
{
	static const struct desc_ptr no_idt = { 0, 0 };

	printk("triple: loading an empty IDT, then int3\n");
	local_irq_disable();
	lidt(&no_idt);
	breakpoint();
	check(false, "triple: the machine should have reset");
}
