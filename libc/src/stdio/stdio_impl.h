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

int __vfmt(struct sink *o, const char *fmt, va_list ap);
int __fwrite(FILE *f, const char *s, size_t n);
int __fflush(FILE *f);
FILE *__fdopen(int fd, int flags);

#endif
