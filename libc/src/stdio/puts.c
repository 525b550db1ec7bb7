/* libc/src/stdio/puts.c — fputs, puts, fputc, putc, putchar, fwrite. */
#include <string.h>
#include "stdio_impl.h"

int fputs(const char *s, FILE *f)
{
	int r;

	flockfile(f);
	r = __fwrite(f, s, strlen(s));
	funlockfile(f);
	return r;
}

int puts(const char *s)
{
	int r;

	flockfile(stdout);
	r = __fwrite(stdout, s, strlen(s)) || __fwrite(stdout, "\n", 1);
	funlockfile(stdout);
	return r ? EOF : 0;
}

int putc_unlocked(int c, FILE *f)
{
	char ch = c;

	return __fwrite(f, &ch, 1) ? EOF : (unsigned char)c;
}

int fputc(int c, FILE *f)
{
	flockfile(f);
	c = putc_unlocked(c, f);
	funlockfile(f);
	return c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	int r;

	if (!size || !n)
		return 0;
	flockfile(f);
	r = __fwrite(f, p, size * n);
	funlockfile(f);
	return r ? 0 : n;
}
