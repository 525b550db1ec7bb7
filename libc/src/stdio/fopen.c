/* libc/src/stdio/fopen.c — fopen, fdopen, fclose, fileno, fread, fseek,
 * ftell, rewind. A stream has a BUFSIZ buffer each way; open streams are
 * listed so that exit flushes them. As C asks, a "+" stream needs an
 * fflush or fseek between writing and reading. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"
#include "../thread/pthread_impl.h"

FILE *__open_files;
volatile int __open_files_lock;

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

/* __fdopen — a stream on fd for open(2) flags, linked into the list. */
FILE *__fdopen(int fd, int flags)
{
	FILE *f = calloc(1, sizeof(*f) + 2 * BUFSIZ);

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
	__lock(&__open_files_lock);
	f->next = __open_files;
	__open_files = f;
	__unlock(&__open_files_lock);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int flags = mode_flags(mode);

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	return __fdopen(fd, flags);
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
	f = __fdopen(fd, flags);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);
	FILE **p;

	__lock(&__open_files_lock);
	for (p = &__open_files; *p && *p != f; p = &(*p)->next)
		;
	if (*p)
		*p = f->next;
	__unlock(&__open_files_lock);
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

	flockfile(f);
	while (got < want && (c = getc_unlocked(f)) != EOF)
		out[got++] = c;
	funlockfile(f);
	return size ? got / size : 0;
}

/* fseek — write out what is buffered, forget what was read ahead (the
 * kernel's offset is past it: SEEK_CUR must subtract it), then lseek. */
int fseek(FILE *f, long off, int whence)
{
	int r = 0;

	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	flockfile(f);
	if (__fflush(f))
		r = -1;
	if (!r && whence == SEEK_CUR)
		off -= f->rlen - f->rpos;
	if (!r && lseek(f->fd, off, whence) < 0)
		r = -1;
	if (!r) {
		f->rpos = f->rlen = 0;
		f->eof = 0;
	}
	funlockfile(f);
	return r;
}

long ftell(FILE *f)
{
	long pos;

	flockfile(f);
	pos = lseek(f->fd, 0, SEEK_CUR);
	if (pos >= 0)
		pos += f->len - (f->rlen - f->rpos);
	funlockfile(f);
	return pos;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	clearerr(f);
}
