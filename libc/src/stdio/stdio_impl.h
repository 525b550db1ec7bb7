/* libc/src/stdio/stdio_impl.h — FILE and the printf sink. */
#ifndef _STDIO_IMPL_H
#define _STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

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
	pid_t pid;		/* popen's child */
	struct _FILE *next;	/* fopen's files, for exit's flush */
	volatile int lock;	/* flockfile: a futex lock ... */
	int owner, count;	/* ... held recursively by thread "owner" */
};

extern FILE *__open_files;
extern volatile int __open_files_lock;

/* struct sink — where __vfmt's output goes: a string or a FILE. */
struct sink {
	void (*put)(struct sink *o, const char *s, size_t n);
	int count;
	char *str;
	size_t size;
	FILE *file;
	int fd;			/* dprintf's */
};

/* one conversion's flags, width, precision (-1: none) and length */
struct spec {
	int width, prec;
	char flag_minus, flag_plus, flag_space, flag_hash, flag_zero;
	int len;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'D' (L) */
};

int __vfmt(struct sink *o, const char *fmt, va_list ap);
void __fmt_field(struct sink *o, const struct spec *sp, const char *pre,
		 const char *body, int blen, int zeros);
void __fmt_float(struct sink *o, const struct spec *sp, char conv, double v);
int __fwrite(FILE *f, const char *s, size_t n);
int __fflush(FILE *f);
FILE *__fdopen(int fd, int flags);

#endif
