/* kernel/fs/poll.h — how a file tells poll and select whether it is
 * ready; Linux include/linux/poll.h. A file type that can make a reader
 * or writer wait has a ->poll method: it calls poll_wait on each wait
 * queue whose wake_up may change its answer, then returns what is true
 * now (POLLIN, POLLOUT, POLLHUP ...). poll_wait queues the caller only on
 * the first pass of a call that may sleep; the call sleeps once every
 * file has said "not ready", and any wake_up on those queues ends the
 * sleep for another pass (kernel/fs/select.c). */
#ifndef CLONIX_POLL_H
#define CLONIX_POLL_H

#include "fs.h"
#include "../task/waitqueue.h"
#include <asm/poll.h>

/* the answer of a file without ->poll: a disk file never makes anyone
 * wait */
#define DEFAULT_POLLMASK	(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_table_page;

struct poll_table {
	bool queue;		/* poll_wait queues the caller (first pass) */
	int error;		/* -ENOMEM: an entry could not be had */
	struct poll_table_page *pages;	/* the entries queued */
};

void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table *pt);

static inline u32 vfs_poll(struct file *f, struct poll_table *pt)
{
	return f->f_op && f->f_op->poll ? f->f_op->poll(f, pt) :
	       DEFAULT_POLLMASK;
}

#endif
