/* asm/poll.h — what poll(2) and select(2) say of a descriptor, as the
 * i386 Linux kernel defines it: the event bits and struct pollfd. */
#ifndef _ASM_POLL_H
#define _ASM_POLL_H

#define POLLIN		0x0001	/* data to read */
#define POLLPRI		0x0002	/* urgent data */
#define POLLOUT		0x0004	/* a write would not block */
#define POLLERR		0x0008	/* an error (a pipe without readers) */
#define POLLHUP		0x0010	/* hung up (a pipe without writers) */
#define POLLNVAL	0x0020	/* not an open descriptor */
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200

struct pollfd {
	int fd;
	short events;		/* what the caller asks about */
	short revents;		/* what is true, of those, and ERR/HUP/NVAL */
};

#endif
