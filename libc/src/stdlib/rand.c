/* libc/src/stdlib/rand.c — rand, srand, rand_r (the generator of the C
 * standard's own example, C11 7.22.2.2; RAND_MAX 2^31-1 as on Linux),
 * and the small arithmetic helpers labs, llabs, bsearch. */
#include <stdlib.h>

static unsigned int seed = 1;

int rand_r(unsigned int *s)
{
	unsigned int hi, lo;

	*s = *s * 1103515245 + 12345;
	hi = (*s >> 16) & 0x7fff;
	*s = *s * 1103515245 + 12345;
	lo = *s >> 16;
	return (int)((hi << 16 | lo) & RAND_MAX);
}

int rand(void)
{
	return rand_r(&seed);
}

void srand(unsigned int s)
{
	seed = s;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *lo = base;

	while (n) {
		const char *mid = lo + n / 2 * size;
		int c = cmp(key, mid);

		if (!c)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
