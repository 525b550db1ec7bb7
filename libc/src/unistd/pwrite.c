/* libc/src/unistd/pwrite.c — pwrite(2) through pwrite64. */
#include <unistd.h>
#include "../internal.h"

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __SC(5, __NR_pwrite64, fd, (long)buf, n, off, off < 0 ? -1 : 0);
}
