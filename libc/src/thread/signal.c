/* libc/src/thread/signal.c — signals and threads: pthread_sigmask (the
 * mask is per thread: rt_sigprocmask acts on the caller only),
 * pthread_kill (tgkill to one thread of our group), and pthread_atfork
 * with the fork wrapper that calls its handlers. */
#include <signal.h>
#include <unistd.h>
#include "pthread_impl.h"
#include "../internal.h"

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return -__syscall4(__NR_rt_sigprocmask, how, (long)set, (long)old, 8);
}

int pthread_kill(pthread_t t, int sig)
{
	int tid = ((struct pthread *)t)->tid;

	if (sig < 0 || sig > 64)
		return EINVAL;
	if (!tid)			/* ended, not yet joined */
		return ESRCH;
	return -__syscall3(__NR_tgkill, __syscall0(__NR_getpid), tid, sig);
}

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
