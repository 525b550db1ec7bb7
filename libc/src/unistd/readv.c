/* libc/src/unistd/readv.c — readv(2) and writev(2): cancellation points,
 * like read and write. */
#include <sys/uio.h>
#include <unistd.h>
#include "../internal.h"

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return __SC_CP(__NR_readv, fd, iov, iovcnt, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return __SC_CP(__NR_writev, fd, iov, iovcnt, 0);
}
