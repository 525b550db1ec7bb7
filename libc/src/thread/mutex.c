/* libc/src/thread/mutex.c — pthread_mutex_t: normal, recursive and
 * error-checking mutexes on the futex lock of lock.c. A normal mutex is
 * the bare lock (relocking it deadlocks, as POSIX allows); the other two
 * remember their owner's TID: recursive counts, errorcheck refuses a
 * relock (EDEADLK) and an unlock by another thread (EPERM). */
#include <limits.h>
#include "pthread_impl.h"

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	*m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	if (a)
		m->__m.type = a->__type;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__m.lock ? EBUSY : 0;
}

/* owned — for recursive and errorcheck: the caller already holds it;
 * returns the answer, or -1 to go on and take the lock. */
static int owned(pthread_mutex_t *m, int tid)
{
	if (m->__m.owner != tid)
		return -1;
	if (m->__m.type == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	if (m->__m.count == INT_MAX)
		return EAGAIN;
	m->__m.count++;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	int tid, r;

	if (m->__m.type == PTHREAD_MUTEX_NORMAL) {
		__lock(&m->__m.lock);
		return 0;
	}
	tid = __pthread_self()->tid;
	if ((r = owned(m, tid)) >= 0)
		return r;
	__lock(&m->__m.lock);
	m->__m.owner = tid;
	m->__m.count = 1;
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int tid = __pthread_self()->tid, r;

	if (m->__m.type == PTHREAD_MUTEX_RECURSIVE && (r = owned(m, tid)) >= 0)
		return r;
	if (!__trylock(&m->__m.lock))
		return EBUSY;
	m->__m.owner = tid;
	m->__m.count = 1;
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__m.type != PTHREAD_MUTEX_NORMAL) {
		if (m->__m.owner != __pthread_self()->tid)
			return EPERM;
		if (--m->__m.count)
			return 0;
		m->__m.owner = 0;
	}
	__unlock(&m->__m.lock);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->__type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	a->__type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	*type = a->__type;
	return 0;
}
