/* libc/src/unistd/pread.c — pread(2) through pread64. */
#include <unistd.h>
#include "../internal.h"

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __SC(5, __NR_pread64, fd, (long)buf, n, off, off < 0 ? -1 : 0);
}
