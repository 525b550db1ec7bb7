/* libc/src/errno/errno.c — errno (one per process until threads give it TLS). */
#include <errno.h>
int errno;

/* __syscall_error — for the assembly wrappers: errno from -r, return -1. */
long __syscall_error(long r)
{
	errno = -r;
	return -1;
}
