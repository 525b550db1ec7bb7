/* poll.h — poll(2) and ppoll(2). */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <linux/time.h>
#include <asm/poll.h>

typedef unsigned int nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *mask);

#endif
