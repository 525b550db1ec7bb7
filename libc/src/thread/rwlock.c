/* libc/src/thread/rwlock.c — read-write locks and spinlocks. A rwlock is
 * held by any number of readers or by one writer; readers are preferred,
 * as by glibc's default (a reader gets in while readers hold it, even
 * with a writer waiting). Waiters sleep on a futex word that every
 * release bumps, and then try again. A spinlock never sleeps: on one CPU
 * the holder must run, so a waiter yields the CPU between tries. */
#include <limits.h>
#include <sched.h>
#include "pthread_impl.h"

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *a)
{
	(void)a;
	*rw = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return rw->__rw.readers ? EBUSY : 0;
}

/* take — one try at the lock, for a reader or a writer: 0, or EBUSY
 * with the futex word's value to wait on. */
static int take(pthread_rwlock_t *rw, int writer, int *seq)
{
	int r = EBUSY;

	__lock(&rw->__rw.lock);
	if (writer ? rw->__rw.readers == 0 : rw->__rw.readers >= 0) {
		rw->__rw.readers = writer ? -1 : rw->__rw.readers + 1;
		if (writer)
			rw->__rw.writer = __pthread_self()->tid;
		r = 0;
	}
	*seq = rw->__rw.seq;
	__unlock(&rw->__rw.lock);
	return r;
}

static int acquire(pthread_rwlock_t *rw, int writer)
{
	int seq;

	if (rw->__rw.readers < 0 && rw->__rw.writer == __pthread_self()->tid)
		return EDEADLK;		/* the writer asks again */
	while (take(rw, writer, &seq))
		__futex_wait(&rw->__rw.seq, seq, NULL);
	return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	return acquire(rw, 0);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	return acquire(rw, 1);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	int seq;

	return take(rw, 0, &seq);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	int seq;

	return take(rw, 1, &seq);
}

int pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	int wake;

	__lock(&rw->__rw.lock);
	if (rw->__rw.readers < 0) {
		rw->__rw.readers = 0;
		rw->__rw.writer = 0;
	} else if (rw->__rw.readers > 0) {
		rw->__rw.readers--;
	}
	wake = rw->__rw.readers == 0;
	if (wake)
		rw->__rw.seq++;
	__unlock(&rw->__rw.lock);
	if (wake)
		__futex_wake(&rw->__rw.seq, INT_MAX);
	return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	a->__flags = 0;
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
	(void)pshared;
	*l = 0;
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *l)
{
	(void)l;
	return 0;
}

int pthread_spin_trylock(pthread_spinlock_t *l)
{
	return __sync_val_compare_and_swap(l, 0, 1) == 0 ? 0 : EBUSY;
}

int pthread_spin_lock(pthread_spinlock_t *l)
{
	while (pthread_spin_trylock(l))
		sched_yield();
	return 0;
}

int pthread_spin_unlock(pthread_spinlock_t *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
	return 0;
}
