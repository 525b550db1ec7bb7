/* libc/src/stdio/file.c — stdout and stderr, buffering and flushing.
 * stdout is line-buffered on a terminal and fully buffered otherwise,
 * stderr unbuffered, as C and POSIX ask. */
#include <unistd.h>
#include "stdio_impl.h"
#include "../internal.h"

static char stdout_buf[BUFSIZ];
static FILE f_stdout = { .fd = 1, .mode = _IOFBF, .cap = BUFSIZ,
			 .buf = stdout_buf };
static FILE f_stderr = { .fd = 2, .mode = _IONBF, .checked = 1 };
FILE *const stdout = &f_stdout;
FILE *const stderr = &f_stderr;

static int write_all(FILE *f, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(f->fd, s, n);

		if (w < 0) {
			f->err = 1;
			return EOF;
		}
		s += w;
		n -= w;
	}
	return 0;
}

int fflush(FILE *f)
{
	int r;

	if (!f) {			/* every stream, as exit needs */
		r = fflush(stdout) | fflush(stderr);
		for (f = __open_files; f; f = f->next)
			r |= fflush(f);
		return r ? EOF : 0;
	}
	r = write_all(f, f->buf, f->len);
	f->len = 0;
	return r;
}

/* __fwrite — append to the buffer, flushing when it fills, at a newline
 * in line mode, and at once when unbuffered. */
int __fwrite(FILE *f, const char *s, size_t n)
{
	if (!f->checked) {
		f->checked = 1;
		if (isatty(f->fd))
			f->mode = _IOLBF;
	}
	if (f->mode == _IONBF)
		return write_all(f, s, n);
	for (size_t i = 0; i < n; i++) {
		if (f->len == f->cap && fflush(f))
			return EOF;
		f->buf[f->len++] = s[i];
		if (f->mode == _IOLBF && s[i] == '\n' && fflush(f))
			return EOF;
	}
	return 0;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	fflush(f);
	f->mode = mode;
	if (buf && size) {
		f->buf = buf;
		f->cap = size;
	}
	return 0;
}

void __stdio_exit(void)
{
	fflush(NULL);
}
