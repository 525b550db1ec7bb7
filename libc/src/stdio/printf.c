/* libc/src/stdio/printf.c — printf, fprintf, vprintf, vfprintf, dprintf. */
#include <unistd.h>
#include "stdio_impl.h"

static void put_file(struct sink *o, const char *s, size_t n)
{
	__fwrite(o->file, s, n);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sink o = { .put = put_file, .file = f };
	int n;

	flockfile(f);
	n = __vfmt(&o, fmt, ap);
	funlockfile(f);
	return n;
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

static void put_fd(struct sink *o, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(o->fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct sink o = { .put = put_fd, .fd = fd };

	return __vfmt(&o, fmt, ap);
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
