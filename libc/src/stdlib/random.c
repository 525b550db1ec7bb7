/* libc/src/stdlib/random.c — random(3) and srandom(3), the same numbers
 * as glibc's default generator (its "TYPE_3"): an additive lagged
 * Fibonacci generator, x[i] = x[i-3] + x[i-31] mod 2^32, whose output is
 * x[i] >> 1. The 31 words are seeded from one number by Park and Miller's
 * minimal standard generator (16807 * x mod 2^31-1), and the first 310
 * outputs are thrown away. Unseeded, it behaves as after srandom(1). */
#include <stdlib.h>

#define DEG	31
#define SEP	3

static int r[DEG], f, b;	/* the state; front and back positions */
static int seeded;

void srandom(unsigned int seed)
{
	long long x;

	r[0] = seed ? seed : 1;		/* 0 would stay 0 */
	for (int i = 1; i < DEG; i++) {
		/* 16807 * r[i-1] mod (2^31 - 1), as a signed 32-bit state */
		x = (16807LL * r[i - 1]) % 2147483647;
		if (x < 0)
			x += 2147483647;
		r[i] = (int)x;
	}
	f = SEP;
	b = 0;
	seeded = 1;
	for (int i = 0; i < 10 * DEG; i++)
		random();
}

long random(void)
{
	unsigned int v;

	if (!seeded)
		srandom(1);
	r[f] = (int)((unsigned int)r[f] + (unsigned int)r[b]);
	v = (unsigned int)r[f] >> 1;
	f = (f + 1) % DEG;
	b = (b + 1) % DEG;
	return v;
}
