/* sys/select.h — select(2), pselect(2) and the fd_set they take: a bit
 * for each descriptor below FD_SETSIZE. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <linux/time.h>

#define FD_SETSIZE	1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(long))];
} fd_set;

#define __FD_WORD(fd)	((fd) / (8 * sizeof(long)))
#define __FD_BIT(fd)	(1UL << ((fd) % (8 * sizeof(long))))
#define FD_ZERO(s)	__builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)	((s)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd))
#define FD_CLR(fd, s)	((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd))
#define FD_ISSET(fd, s)	(((s)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)) != 0)

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *tv);
int pselect(int n, fd_set *in, fd_set *out, fd_set *ex,
	    const struct timespec *timeout, const sigset_t *mask);

#endif
