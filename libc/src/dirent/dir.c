/* libc/src/dirent/dir.c — opendir, readdir, closedir over getdents64;
 * struct dirent has the linux_dirent64 layout, so records are returned
 * from the buffer as they are. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "../internal.h"

struct __dirstream {
	int fd;
	int pos, len;
	char buf[2048];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = calloc(1, sizeof(*d));
	if (!d) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct dirent *de;

	if (d->pos >= d->len) {
		long n = __syscall3(__NR_getdents64, d->fd, (long)d->buf,
				    sizeof(d->buf));

		if (n <= 0) {
			if (n < 0)
				errno = -n;
			return NULL;
		}
		d->len = n;
		d->pos = 0;
	}
	de = (struct dirent *)(d->buf + d->pos);
	d->pos += de->d_reclen;
	return de;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
