/* libc/src/stdio/vsnprintf.c — vsnprintf, snprintf, sprintf. */
#include <stdint.h>
#include "stdio_impl.h"

/* put_str — store what fits (leaving room for the NUL); the count
 * goes on regardless, so the result says how long the whole was. */
static void put_str(struct sink *o, const char *s, size_t n)
{
	size_t at = o->count;

	for (size_t i = 0; i < n; i++)
		if (o->size && at + i < o->size - 1)
			o->str[at + i] = s[i];
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink o = { .put = put_str, .str = buf, .size = size };
	int n = __vfmt(&o, fmt, ap);

	if (size)
		buf[(size_t)n < size ? (size_t)n : size - 1] = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return n;
}
