/* libc/src/stdio/input.c — reading a FILE: fgetc, getc, getchar, fgets,
 * feof, ferror, clearerr. Reading stdin first flushes stdout, so that a
 * prompt shows. */
#include <unistd.h>
#include "stdio_impl.h"

static char stdin_buf[BUFSIZ];
static FILE f_stdin = { .fd = 0, .mode = _IOLBF, .checked = 1,
			.rbuf = stdin_buf };
FILE *const stdin = &f_stdin;

int fgetc(FILE *f)
{
	ssize_t n;

	if (!f->rbuf) {			/* opened for writing only */
		f->err = 1;
		return EOF;
	}
	if (f->rpos == f->rlen) {
		fflush(f == stdin ? stdout : f);	/* a prompt; our writes */
		n = read(f->fd, f->rbuf, BUFSIZ);
		if (n <= 0) {
			f->eof = n == 0;
			f->err = n < 0;
			return EOF;
		}
		f->rpos = 0;
		f->rlen = n;
	}
	return (unsigned char)f->rbuf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

char *fgets(char *s, int n, FILE *f)
{
	int i = 0, c = 0;

	while (i < n - 1 && (c = fgetc(f)) != EOF) {
		s[i++] = c;
		if (c == '\n')
			break;
	}
	if (!i)
		return NULL;
	s[i] = '\0';
	return s;
}

int feof(FILE *f)
{
	return f->eof;
}

void clearerr(FILE *f)
{
	f->eof = f->err = 0;
}

int ferror(FILE *f)
{
	return f->err;
}
