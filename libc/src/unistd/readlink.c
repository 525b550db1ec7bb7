/* libc/src/unistd/readlink.c — readlink(2) and readlinkat(2). */
#include <fcntl.h>
#include <unistd.h>
#include "../internal.h"

ssize_t readlinkat(int dfd, const char *path, char *buf, size_t size)
{
	return __SC(4, __NR_readlinkat, dfd, (long)path, (long)buf, size);
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return readlinkat(AT_FDCWD, path, buf, size);
}
