/* libc/src/stdio/puts.c — fputs, puts, fputc, putchar, fwrite. */
#include <string.h>
#include "stdio_impl.h"

int fputs(const char *s, FILE *f)
{
	return __fwrite(f, s, strlen(s));
}

int puts(const char *s)
{
	return fputs(s, stdout) || __fwrite(stdout, "\n", 1) ? EOF : 0;
}

int fputc(int c, FILE *f)
{
	char ch = c;

	return __fwrite(f, &ch, 1) ? EOF : (unsigned char)c;
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	if (!size || !n)
		return 0;
	return __fwrite(f, p, size * n) ? 0 : n;
}
