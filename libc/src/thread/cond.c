/* libc/src/thread/cond.c — condition variables and barriers on a
 * sequence word.
 *
 * A waiter reads the sequence, unlocks the mutex and sleeps on the futex
 * "while the sequence is still what I read". A signal or broadcast bumps
 * the sequence before waking, so a waiter that has unlocked but not yet
 * slept finds it changed and returns at once: no wake-up is lost between
 * the unlock and the sleep (the reason a condition variable exists).
 * Spurious returns are allowed by POSIX; callers loop on their predicate. */
#include <limits.h>
#include "pthread_impl.h"
#include "../internal.h"

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	*c = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	if (a)
		c->__c.clock = a->__clock;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

static void relock(void *m)
{
	pthread_mutex_lock(m);
}

/* cond_sleep — sleep while the sequence is still seq, until abstime on
 * the condition's clock (none: no limit); 0 or ETIMEDOUT. A cancellation
 * point. */
static int cond_sleep(pthread_cond_t *c, int seq, const struct timespec *abstime)
{
	/* LAB pthreads: begin cond_sleep */
	struct timespec rel;
	int r = 0;

	if (abstime)
		r = __timeout_left(abstime, c->__c.clock, &rel);
	if (!r && __syscall_cp(__NR_futex, (long)&c->__c.seq, FUTEX_WAIT_PRIVATE,
			       seq, abstime ? (long)&rel : 0, 0) == -ETIMEDOUT)
		r = ETIMEDOUT;
	return r;
	/* LAB pthreads: end cond_sleep */
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime)
{
	int seq = c->__c.seq, r;

	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000))
		return EINVAL;
	if ((r = pthread_mutex_unlock(m)))
		return r;
	/* cancelled while waiting: the mutex is held again when cleanup
	 * handlers run (POSIX pthread_cond_wait, "Cancellation") */
	pthread_cleanup_push(relock, m);
	r = cond_sleep(c, seq, abstime);
	pthread_cleanup_pop(1);
	return r;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return pthread_cond_timedwait(c, m, NULL);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__c.seq, 1, __ATOMIC_SEQ_CST);
	/* LAB pthreads: begin cond_wake_one */
	__futex_wake(&c->__c.seq, 1);
	/* LAB pthreads: end cond_wake_one */
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__c.seq, 1, __ATOMIC_SEQ_CST);
	/* LAB pthreads: begin cond_wake_all */
	__futex_wake(&c->__c.seq, INT_MAX);
	/* LAB pthreads: end cond_wake_all */
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *a)
{
	a->__clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	a->__clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clock)
{
	*clock = a->__clock;
	return 0;
}

/* Barriers: the last of "count" arrivals bumps the sequence and wakes
 * the rest; it alone gets PTHREAD_BARRIER_SERIAL_THREAD. */
int pthread_barrier_init(pthread_barrier_t *b,
			 const pthread_barrierattr_t *a, unsigned int count)
{
	(void)a;
	if (!count || count > INT_MAX)
		return EINVAL;
	*b = (pthread_barrier_t){ .__b = { NULL, 0, count, 0, 0 } };
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	(void)b;
	return 0;
}

int pthread_barrier_wait(pthread_barrier_t *b)
{
	int seq;

	__lock(&b->__b.lock);
	seq = b->__b.seq;
	if (++b->__b.count == b->__b.limit) {
		b->__b.count = 0;
		__atomic_add_fetch(&b->__b.seq, 1, __ATOMIC_SEQ_CST);
		__unlock(&b->__b.lock);
		__futex_wake(&b->__b.seq, INT_MAX);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	__unlock(&b->__b.lock);
	while (b->__b.seq == seq)
		__futex_wait(&b->__b.seq, seq, NULL);
	return 0;
}
