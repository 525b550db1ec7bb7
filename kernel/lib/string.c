/* kernel/lib/string.c — Linux lib/string.c; xv6 string.c.
 * Plain byte loops except memset/memcpy, which use "rep stos/movs": the
 * page allocator clears and copies whole frames with them. */
#include "string.h"

/* memset, memcpy — four bytes a step, then the rest byte by byte (Linux
 * i386 __memcpy); memcpy moves the four-byte words eight to a loop turn,
 * in general registers. Under QEMU's TCG each step of a rep string
 * instruction re-enters the translated block, while the unrolled loop
 * runs 32 bytes a turn inside one: a copy-on-write break, whose time is
 * mostly the page copy, is several times faster than with rep movsb. */
void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t words = n / 4, bytes = n % 4;
	u32 v = (u8)c * 0x01010101u;

	asm volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(v) : "memory");
	asm volatile("rep stosb" : "+D"(d), "+c"(bytes) : "a"(v) : "memory");
	return s;
}

/* copy_words — n four-byte words (the compiler must not turn this loop
 * back into a call of memcpy) */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
static void copy_words(u32 *d, const u32 *s, size_t n)
{
	for (; n >= 8; n -= 8, d += 8, s += 8) {
		u32 a = s[0], b = s[1], c = s[2], e = s[3];
		u32 f = s[4], g = s[5], h = s[6], i = s[7];

		d[0] = a; d[1] = b; d[2] = c; d[3] = e;
		d[4] = f; d[5] = g; d[6] = h; d[7] = i;
	}
	while (n--)
		*d++ = *s++;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = (char *)dst + (n & ~3u);
	const void *s = (const char *)src + (n & ~3u);
	size_t bytes = n % 4;

	copy_words(dst, src, n / 4);
	asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(bytes) : : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

/* strlcpy — copy at most size-1 bytes and always terminate; returns
 * strlen(src) so the caller can detect truncation. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* for_each_item — call fn(item, len) for each non-empty item of a
 * comma-separated list (command-line values like "mm,cow"). */
void for_each_item(const char *list, void (*fn)(const char *item, size_t n))
{
	while (*list) {
		const char *comma = strchr(list, ',');
		size_t n = comma ? (size_t)(comma - list) : strlen(list);

		if (n)
			fn(list, n);
		list += n + (comma != NULL);
	}
}
