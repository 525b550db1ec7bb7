/* libc/src/stdio/input.c — reading a FILE: fgetc, getc, getchar, fgets,
 * getline, ungetc, feof, ferror, clearerr. Reading stdin first flushes
 * stdout, so that a prompt shows. */
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

static char stdin_buf[BUFSIZ];
static FILE f_stdin = { .fd = 0, .mode = _IOLBF, .checked = 1,
			.rbuf = stdin_buf };
FILE *const stdin = &f_stdin;

int getc_unlocked(FILE *f)
{
	ssize_t n;

	if (!f->rbuf) {			/* opened for writing only */
		f->err = 1;
		return EOF;
	}
	if (f->rpos == f->rlen) {
		if (f == stdin)
			fflush(stdout);	/* a prompt */
		if (__fflush(f))	/* our own writes go first */
			return EOF;
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

int fgetc(FILE *f)
{
	int c;

	flockfile(f);
	c = getc_unlocked(f);
	funlockfile(f);
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* ungetc — one byte back into the read buffer (C11 7.21.7.10). */
int ungetc(int c, FILE *f)
{
	if (c == EOF || !f->rbuf)
		return EOF;
	flockfile(f);
	if (f->rpos == 0) {
		if (f->rlen == BUFSIZ) {
			funlockfile(f);
			return EOF;
		}
		for (size_t i = f->rlen; i > 0; i--)
			f->rbuf[i] = f->rbuf[i - 1];
		f->rlen++;
		f->rpos = 1;
	}
	f->rbuf[--f->rpos] = c;
	f->eof = 0;
	funlockfile(f);
	return (unsigned char)c;
}

char *fgets(char *s, int n, FILE *f)
{
	int i = 0, c = 0;

	flockfile(f);
	while (i < n - 1 && (c = getc_unlocked(f)) != EOF) {
		s[i++] = c;
		if (c == '\n')
			break;
	}
	funlockfile(f);
	if (!i)
		return NULL;
	s[i] = '\0';
	return s;
}

/* getdelim — POSIX: a whole line into a malloc'd buffer that grows. */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	size_t n = 0;
	int c = 0;

	flockfile(f);
	while ((c = getc_unlocked(f)) != EOF) {
		if (n + 2 > *cap) {
			size_t want = *cap ? *cap * 2 : 128;
			char *p = realloc(*line, want);

			if (!p) {
				funlockfile(f);
				return -1;
			}
			*line = p;
			*cap = want;
		}
		(*line)[n++] = c;
		if (c == delim)
			break;
	}
	funlockfile(f);
	if (!n)
		return -1;
	(*line)[n] = '\0';
	return n;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
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
