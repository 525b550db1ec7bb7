/* libc/src/stdio/fopen.c — fopen, fdopen, fclose, fileno, fread. A
 * stream has a BUFSIZ buffer each way; open streams are listed so that
 * exit flushes them. A "+" stream should be flushed between writing and
 * reading (there is no fseek yet). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

FILE *__open_files;

/* mode_flags — open(2) flags for a fopen mode, or -1 (EINVAL). */
static int mode_flags(const char *mode)
{
	int plus = strchr(mode, '+') != NULL;

	switch (mode[0]) {
	case 'r': return plus ? O_RDWR : O_RDONLY;
	case 'w': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
	case 'a': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
	default: return -1;
	}
}

FILE *fdopen(int fd, const char *mode)
{
	int flags = mode_flags(mode);
	FILE *f;

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	f = calloc(1, sizeof(*f) + 2 * BUFSIZ);
	if (!f)
		return NULL;
	f->fd = fd;
	f->mode = _IOFBF;
	if ((flags & O_ACCMODE) != O_RDONLY) {
		f->buf = (char *)(f + 1);
		f->cap = BUFSIZ;
	}
	if ((flags & O_ACCMODE) != O_WRONLY)
		f->rbuf = (char *)(f + 1) + BUFSIZ;
	f->next = __open_files;
	__open_files = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	int flags = mode_flags(mode), fd;
	FILE *f;

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, flags | O_CLOEXEC * (strchr(mode, 'e') != NULL), 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);
	FILE **p = &__open_files;

	while (*p && *p != f)
		p = &(*p)->next;
	if (*p)
		*p = f->next;
	r |= close(f->fd);
	if (f != stdin && f != stdout && f != stderr)
		free(f);
	return r ? EOF : 0;
}

int fileno(FILE *f)
{
	return f->fd;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	char *out = p;
	size_t want = size * n, got = 0;
	int c;

	while (got < want && (c = fgetc(f)) != EOF)
		out[got++] = c;
	return size ? got / size : 0;
}
