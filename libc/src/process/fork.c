/* libc/src/process/fork.c — fork(2) and pthread_atfork(3): the handlers
 * a threaded program registers run around the call, and the child, whose
 * only thread is the caller, starts with the library's thread state of
 * one thread. */
#include <unistd.h>
#include "../thread/pthread_impl.h"
#include "../internal.h"

#define ATFORK_MAX	32

static struct {
	void (*prepare)(void), (*parent)(void), (*child)(void);
} atfork[ATFORK_MAX];
static int natfork;
static volatile int atfork_lock;

int pthread_atfork(void (*prepare)(void), void (*parent)(void),
		   void (*child)(void))
{
	int r = ENOMEM;

	__lock(&atfork_lock);
	if (natfork < ATFORK_MAX) {
		atfork[natfork].prepare = prepare;
		atfork[natfork].parent = parent;
		atfork[natfork++].child = child;
		r = 0;
	}
	__unlock(&atfork_lock);
	return r;
}

/* fork — prepare handlers in reverse order of registration, parent and
 * child handlers in order (POSIX pthread_atfork). malloc's lock is taken
 * across the call so that the child never inherits it held by a thread
 * that does not exist there. */
void __malloc_lock(void);
void __malloc_unlock(int in_child);

pid_t fork(void)
{
	long r;
	int i;

	__lock(&atfork_lock);
	for (i = natfork - 1; i >= 0; i--)
		if (atfork[i].prepare)
			atfork[i].prepare();
	__malloc_lock();
	r = __syscall0(__NR_fork);
	if (r == 0) {			/* the child's only thread: us */
		__pthread_self()->tid = __syscall0(__NR_gettid);
		__thread_count = 1;
	}
	__malloc_unlock(r == 0);
	for (i = 0; i < natfork; i++) {
		void (*fn)(void) = r ? atfork[i].parent : atfork[i].child;

		if (fn)
			fn();
	}
	if (r == 0)
		atfork_lock = 0;
	else
		__unlock(&atfork_lock);
	return __syscall_ret(r);
}
