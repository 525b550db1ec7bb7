/* libc/src/misc/poll.c — poll(2), ppoll(2), select(2), pselect(2); all
 * cancellation points. The kernel writes the time left back into
 * select's and pselect6's timeout; POSIX's pselect takes it const, so
 * pselect hands the kernel a copy (as glibc does). */
#include <poll.h>
#include <sys/select.h>
#include "../internal.h"
#include "../thread/pthread_impl.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	return __SC_CP(__NR_poll, fds, nfds, timeout_ms, 0);
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *mask)
{
	struct timespec ts, *tp = timeout ? &ts : 0;

	if (timeout)
		ts = *timeout;
	return __syscall_ret(__syscall_cp(__NR_ppoll, (long)fds, nfds,
					  (long)tp, (long)mask,
					  mask ? sizeof(*mask) : 0));
}

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *tv)
{
	return __syscall_ret(__syscall_cp(__NR__newselect, n, (long)in,
					  (long)out, (long)ex, (long)tv));
}

/* pselect — six arguments: the signal mask and its size travel in a
 * block the sixth points at; the check for cancellation comes first,
 * as __syscall_cp has room for five. */
int pselect(int n, fd_set *in, fd_set *out, fd_set *ex,
	    const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec ts, *tp = timeout ? &ts : 0;
	unsigned long pack[2] = { (unsigned long)mask, sizeof(*mask) };

	if (timeout)
		ts = *timeout;
	__testcancel();
	return __SC(6, __NR_pselect6, n, (long)in, (long)out, (long)ex,
		    (long)tp, (long)pack);
}
