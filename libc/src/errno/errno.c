/* libc/src/errno/errno.c — the assembly wrappers' error path (errno
 * itself is per thread: libc/src/thread/tls.c). */
#include <errno.h>

/* __syscall_error — for the assembly wrappers: errno from -r, return -1. */
long __syscall_error(long r)
{
	errno = -r;
	return -1;
}
