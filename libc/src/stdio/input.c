/* libc/src/stdio/input.c — stdin: fgetc, getc, getchar, fgets, feof,
 * ferror. Reading stdin first flushes stdout, so a prompt shows. */
#include <unistd.h>
#include "stdio_impl.h"

static char stdin_buf[BUFSIZ];
static struct {
	size_t pos, len;
	int eof;
} in;

static FILE f_stdin = { 0, _IOLBF, 0, 1, 0, BUFSIZ, stdin_buf };
FILE *const stdin = &f_stdin;

int fgetc(FILE *f)
{
	ssize_t n;

	if (f != stdin)
		return EOF;
	if (in.pos == in.len) {
		fflush(stdout);
		n = read(0, stdin_buf, sizeof(stdin_buf));
		if (n <= 0) {
			in.eof = n == 0;
			f->err = n < 0;
			return EOF;
		}
		in.pos = 0;
		in.len = n;
	}
	return (unsigned char)stdin_buf[in.pos++];
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
	return f == stdin && in.eof;
}

int ferror(FILE *f)
{
	return f->err;
}
