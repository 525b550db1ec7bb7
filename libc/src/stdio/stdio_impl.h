/* libc/src/stdio/stdio_impl.h — FILE and the printf sink. */
#ifndef _STDIO_IMPL_H
#define _STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct _FILE {
	int fd;
	int mode;		/* _IOFBF, _IOLBF or _IONBF */
	int err;
	int checked;		/* stdout: was isatty asked yet? */
	size_t len;		/* bytes waiting in buf */
	size_t cap;
	char *buf;		/* output; NULL when unbuffered */
	char *rbuf;		/* input (BUFSIZ); NULL when write-only */
	size_t rpos, rlen;	/* unread bytes are rbuf[rpos..rlen) */
	int eof;
	struct _FILE *next;	/* fopen's files, for exit's flush */
};

extern FILE *__open_files;

/* struct sink — where __vfmt's output goes: a string or a FILE. */
struct sink {
	void (*put)(struct sink *o, const char *s, size_t n);
	int count;
	char *str;
	size_t size;
	FILE *file;
};

int __vfmt(struct sink *o, const char *fmt, va_list ap);
int __fwrite(FILE *f, const char *s, size_t n);

#endif
