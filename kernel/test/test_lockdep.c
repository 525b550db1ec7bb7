/* kernel/test/test_lockdep.c — the lock-order checker catches an
 * inversion: test_lock_a then test_lock_b in one function, the opposite
 * order in another; the report must come at the second, name both locks
 * and show both call chains (the host test reads them). */
#include "selftest.h"
#include "../lib/spinlock.h"

extern unsigned long lockdep_reports;

static DEFINE_SPINLOCK(test_lock_a);
static DEFINE_SPINLOCK(test_lock_b);

static void __attribute__((noinline)) a_then_b(void)
{
	u32 fa = spin_lock_irqsave(&test_lock_a);
	u32 fb = spin_lock_irqsave(&test_lock_b);

	spin_unlock_irqrestore(&test_lock_b, fb);
	spin_unlock_irqrestore(&test_lock_a, fa);
}

static void __attribute__((noinline)) b_then_a(void)
{
	u32 fb = spin_lock_irqsave(&test_lock_b);
	u32 fa = spin_lock_irqsave(&test_lock_a);

	spin_unlock_irqrestore(&test_lock_a, fa);
	spin_unlock_irqrestore(&test_lock_b, fb);
}

void test_lockdep(void)
{
	unsigned long before = lockdep_reports;

	a_then_b();
	a_then_b();
	check(lockdep_reports == before,
	      "lockdep: one order, taken twice, is no report");
	b_then_a();
	check(lockdep_reports == before + 1,
	      "lockdep: the opposite order is reported, once");
	b_then_a();
	check(lockdep_reports == before + 1, "lockdep: and only once");
}
