/* kernel/test/test_time.c — self-tests of the PIT tick and the RTC.
 * No assertion on elapsed wall time (that belongs to benchmarks): only
 * that ticks advance and that the clock reads as a sane date; the host
 * harness compares the printed epoch with its own clock. */
#include "selftest.h"
#include "../cpu/x86.h"
#include "../drivers/rtc.h"
#include "../drivers/timer.h"
#include "../lib/printk.h"

/* test_uptime_monotonic — uptime_us() across many tick boundaries: the
 * PIT count wraps at each tick, and a read must never go back then. */
static void test_uptime_monotonic(void)
{
	u64 prev = uptime_us(), start = prev, now;
	int backwards = 0;

	do {
		now = uptime_us();
		backwards += now < prev;
		prev = now;
	} while (now < start + 3 * 1000000 / HZ);
	check(!backwards, "timer: uptime_us never goes back over 3 ticks "
	      "(%d times it did)", backwards);
}

void test_timer(void)
{
	u64 start = get_jiffies_64(), now = start;
	int halts = 0;

	check(read_eflags() & X86_EFLAGS_IF, "timer: interrupts are enabled");
	while (now < start + 5 && halts < 1000) {
		safe_halt();		/* wakes on the next interrupt */
		halts++;
		now = get_jiffies_64();
	}
	check(now >= start + 5, "timer: jiffies advanced by 5 ticks "
	      "(%llu -> %llu)", start, now);
	/* QEMU may deliver late ticks in a burst: one hlt can see several */
	check(halts >= 1, "timer: the tick is an interrupt that ends hlt");
	check(get_jiffies_64() >= now, "timer: jiffies never go back");
	test_uptime_monotonic();
}

void test_rtc(void)
{
	struct rtc_time tm = { .sec = 0, .min = 0, .hour = 0, .mday = 1,
			       .mon = 1, .year = 1970 };
	s64 epoch;

	check(mktime64(&tm) == 0, "rtc: mktime64(1970-01-01) == 0");
	tm = (struct rtc_time){ 7, 6, 5, 29, 2, 2024 };
	check(mktime64(&tm) == 1709183167LL, "rtc: mktime64(2024-02-29 "
	      "05:06:07) == 1709183167");
	rtc_read_time(&tm);
	check(tm.year >= 2024 && tm.year < 2100 && tm.mon >= 1 &&
	      tm.mon <= 12 && tm.mday >= 1 && tm.mday <= 31 && tm.hour < 24 &&
	      tm.min < 60 && tm.sec < 60, "rtc: date %04d-%02d-%02d "
	      "%02d:%02d:%02d is plausible", tm.year, tm.mon, tm.mday,
	      tm.hour, tm.min, tm.sec);
	epoch = rtc_read_epoch();
	printk("rtc: epoch %lld\n", epoch);
	check(epoch >= mktime64(&tm), "rtc: a second read is not earlier");
}
