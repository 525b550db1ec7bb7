/* libc/src/stdio/printf.c — printf, fprintf, vprintf, vfprintf. */
#include "stdio_impl.h"

static void put_file(struct sink *o, const char *s, size_t n)
{
	__fwrite(o->file, s, n);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sink o = { put_file, 0, NULL, 0, f };

	return __vfmt(&o, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
