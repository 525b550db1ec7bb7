/* libc/src/stdio/file.c — stdout and stderr, buffering, flushing and
 * the stream lock. stdout is line-buffered on a terminal and fully
 * buffered otherwise, stderr unbuffered, as C and POSIX ask.
 *
 * Every public stdio call holds the stream's lock for its whole length
 * (POSIX flockfile: "all functions that reference FILE objects ... shall
 * behave as if they use flockfile() and funlockfile() internally"), so
 * two threads' printf lines never interleave inside a line. The lock is
 * recursive: a thread may flockfile and then call printf. */
#include <unistd.h>
#include "stdio_impl.h"
#include "../thread/pthread_impl.h"
#include "../internal.h"

static char stdout_buf[BUFSIZ];
static FILE f_stdout = { .fd = 1, .mode = _IOFBF, .cap = BUFSIZ,
			 .buf = stdout_buf };
static FILE f_stderr = { .fd = 2, .mode = _IONBF, .checked = 1 };
FILE *const stdout = &f_stdout;
FILE *const stderr = &f_stderr;

void flockfile(FILE *f)
{
	int tid = __pthread_self()->tid;

	if (f->owner != tid) {
		__lock(&f->lock);
		f->owner = tid;
	}
	f->count++;
}

int ftrylockfile(FILE *f)
{
	int tid = __pthread_self()->tid;

	if (f->owner != tid) {
		if (!__trylock(&f->lock))
			return -1;
		f->owner = tid;
	}
	f->count++;
	return 0;
}

void funlockfile(FILE *f)
{
	if (--f->count)
		return;
	f->owner = 0;
	__unlock(&f->lock);
}

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

int __fflush(FILE *f)
{
	int r = write_all(f, f->buf, f->len);

	f->len = 0;
	return r;
}

int fflush(FILE *f)
{
	int r;

	if (!f) {			/* every stream, as exit needs */
		r = fflush(stdout) | fflush(stderr);
		__lock(&__open_files_lock);
		for (f = __open_files; f; f = f->next)
			r |= fflush(f);
		__unlock(&__open_files_lock);
		return r ? EOF : 0;
	}
	flockfile(f);
	r = __fflush(f);
	funlockfile(f);
	return r;
}

/* __fwrite — append to the buffer, flushing when it fills, at a newline
 * in line mode, and at once when unbuffered. The caller holds the lock. */
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
		if (f->len == f->cap && __fflush(f))
			return EOF;
		f->buf[f->len++] = s[i];
		if (f->mode == _IOLBF && s[i] == '\n' && __fflush(f))
			return EOF;
	}
	return 0;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	flockfile(f);
	__fflush(f);
	f->mode = mode;
	f->checked = 1;
	if (buf && size) {
		f->buf = buf;
		f->cap = size;
	}
	funlockfile(f);
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void __stdio_exit(void)
{
	fflush(NULL);
}
