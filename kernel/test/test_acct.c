/* kernel/test/test_acct.c — self-tests of acct's encoders against the
 * values of spec §9.6-9.7 (checked there with GNU acct): comp_t rounding
 * on the last octal digit dropped, also when that overflows the
 * mantissa, every exponent, saturation; the float, truncated. */
#include "selftest.h"
#include "../task/acct.h"

static u64 decode_comp_t(u16 c)
{
	return (u64)(c & 0x1fff) << (3 * (c >> 13));
}

static void test_comp_t(void)
{
	static const struct { u64 value; u16 comp; } known[] = {
		{ 0, 0 }, { 150, 0x0096 }, { 8191, 0x1fff }, { 8192, 0x2400 },
		{ 10000, 0x24e2 }, { 100000, 0x461b },
		{ 65535, 0x4400 },	/* rounding overflows: 8192 -> 1024*64 */
	};

	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		check(encode_comp_t(known[i].value) == known[i].comp,
		      "acct: comp_t(%llu) = 0x%04x (got 0x%04x)", known[i].value,
		      known[i].comp, encode_comp_t(known[i].value));
	check(decode_comp_t(encode_comp_t(300000)) == 300032,
	      "acct: comp_t(300000) reads back as 300032");
	for (int e = 0; e <= 7; e++)
		check(encode_comp_t(8191ULL << (3 * e)) == ((e << 13) | 0x1fff),
		      "acct: 8191 * 8^%d uses exponent %d", e, e);
	check(encode_comp_t(8192ULL << 21) == 0xffff,
	      "acct: beyond 8191 * 8^7 saturates to 0xffff");
}

static void test_float(void)
{
	static const struct { u64 value; u32 bits; } known[] = {
		{ 0, 0 }, { 1, 0x3f800000 }, { 12, 0x41400000 },
		{ 200, 0x43480000 }, { 250, 0x437a0000 },
		{ 16777217, 0x4b800000 },	/* 2^24 + 1: truncated */
	};

	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		check(encode_float(known[i].value) == known[i].bits,
		      "acct: float(%llu) = 0x%08x (got 0x%08x)", known[i].value,
		      known[i].bits, encode_float(known[i].value));
}

void test_acct(void)
{
	test_comp_t();
	test_float();
}
