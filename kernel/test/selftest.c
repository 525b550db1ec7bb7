/* kernel/test/selftest.c — run in-kernel self-tests and power off.
 * test=mm,kmalloc runs those groups; test=all runs every group except
 * "fault", "panic" and "triple", which end the machine on purpose for the
 * host harness to check.
 * Output is TAP, one line per check, then "selftest: N passed, N failed".
 * After each group the frame and heap counters must be back where they
 * were: a group that leaks fails, naming itself (a check of its own). */
#include "selftest.h"
#include "../drivers/power.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"
#include "../fs/fs.h"
#include "../task/sched.h"

static const struct {
	const char *name;
	void (*run)(void);
	bool in_all;
} groups[] = {
	{ "mm", test_mm, true },
	{ "buddy", test_buddy, true },
	{ "exhaustion", test_exhaustion, true },
	{ "pgtable", test_pgtable, true },
	{ "kmalloc", test_kmalloc, true },
	{ "printk", test_printk, true },
	{ "timer", test_timer, true },
	{ "rtc", test_rtc, true },
	{ "sched", test_sched, true },
	{ "user", test_user, true },
	{ "acct", test_acct, true },
	{ "fpu", test_fpu, true },
	{ "lockdep", test_lockdep, false },	/* prints a BUG: report */
	{ "fault", test_fault, false },
	{ "panic", test_panic, false },
	{ "stack", test_stack_overflow, false },
	{ "triple", test_triple_fault, false },
};

static int passed, failed;

bool check(bool cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
		passed++;
	else
		failed++;
	printk("%sok %d - ", cond ? "" : "not ", passed + failed);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	return cond;
}

static void run_group(int i)
{
	unsigned long frames = nr_free_pages();
	unsigned long heap = kmalloc_bytes_in_use();

	printk("# selftest group %s\n", groups[i].name);
	groups[i].run();
	check(nr_free_pages() == frames && kmalloc_bytes_in_use() == heap,
	      "%s: frames and heap balanced (frames %lu -> %lu, heap %lu -> "
	      "%lu)", groups[i].name, frames, nr_free_pages(), heap,
	      kmalloc_bytes_in_use());
}

/* run_named — run the group called name[0..n), or every "all" group. */
static void run_named(const char *name, size_t n)
{
	bool all = n == 3 && !strncmp(name, "all", 3);
	bool found = false;

	for (size_t i = 0; i < ARRAY_SIZE(groups); i++) {
		bool match = strlen(groups[i].name) == n &&
			     !strncmp(groups[i].name, name, n);

		if (match || (all && groups[i].in_all)) {
			run_group(i);
			found = true;
		}
	}
	if (!found)
		check(false, "no self-test group named '%.*s'", (int)n, name);
}

void selftest_run(const char *list)
{
	/* on CPU 0: the timer group waits in hlt for the PIT's ticks, which
	 * only CPU 0 takes, and would hold the big lock CPU 0 needs */
	set_cpus_allowed(current, 1u << 0);
	yield();
	for_each_item(list, run_named);
	printk("selftest: %d passed, %d failed\n", passed, failed);
	do_sync();	/* what the tests wrote reaches the disk */
	power_off(failed ? EXIT_STATUS_FAIL : EXIT_STATUS_OK);
}
