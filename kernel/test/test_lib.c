/* kernel/test/test_lib.c — self-tests of the formatter behind printk. */
#include "selftest.h"
#include "../lib/printk.h"
#include "../lib/string.h"

static const char *volatile null_str;	/* hidden from -Wformat */

static void expect_fmt(const char *want, const char *fmt, ...) __printf(2, 3);

static void expect_fmt(const char *want, const char *fmt, ...)
{
	char buf[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	check(!strcmp(buf, want), "printk: \"%s\" gives \"%s\" (got \"%s\")",
	      fmt, want, buf);
}

void test_printk(void)
{
	char small[6];

	expect_fmt("-42|42|  7|007|7  |", "%d|%i|%3u|%03d|%-3d|", -42, 42, 7,
		   7, 7);
	expect_fmt("ff|FF|0000beef|17", "%x|%X|%08x|%o", 255, 255, 0xbeef, 15);
	expect_fmt("-1234567890123|18446744073709551615",
		   "%lld|%llu", -1234567890123LL, ~0ULL);
	expect_fmt("fedcba9876543210", "%llx", 0xfedcba9876543210ULL);
	expect_fmt("c0100000|x", "%p|%c", (void *)0xc0100000, 'x');
	expect_fmt("   ab|ab   |abc|(null)", "%5s|%-5s|%.3s|%s", "ab", "ab",
		   "abcdef", null_str);
	expect_fmt("   42|42   |ab", "%*d|%-*d|%.*s", 5, 42, 5, 42, 2, "abc");
	expect_fmt("-2147483648|4294967295", "%d|%u", (-2147483647 - 1),
		   4294967295u);
	expect_fmt("100%", "100%%");
	check(snprintf(small, sizeof(small), "%s", "truncated") == 9 &&
	      !strcmp(small, "trunc"),
	      "printk: snprintf truncates and returns the full length");
}
