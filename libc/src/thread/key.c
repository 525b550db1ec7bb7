/* libc/src/thread/key.c — thread-specific data and pthread_once.
 *
 * A key's generation number is odd while the key is in use (glibc's
 * scheme): pthread_key_delete makes it even, pthread_key_create odd
 * again. A thread's value counts only if stored under the current
 * generation, so a re-created key reads NULL in every thread without
 * visiting them (POSIX: "the value NULL shall be associated with the new
 * key in all active threads"). */
#include <limits.h>
#include "pthread_impl.h"

static struct {
	volatile unsigned int seq;
	void (*destructor)(void *);
} keys[PTHREAD_KEYS_MAX];

#define IN_USE(k)	((k) < PTHREAD_KEYS_MAX && (keys[k].seq & 1))

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	for (unsigned int k = 0; k < PTHREAD_KEYS_MAX; k++) {
		unsigned int seq = keys[k].seq;

		if (seq & 1 || !__sync_bool_compare_and_swap(&keys[k].seq,
							     seq, seq + 1))
			continue;
		keys[k].destructor = destructor;
		*key = k;
		return 0;
	}
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	unsigned int seq;

	if (!IN_USE(key))
		return EINVAL;
	seq = keys[key].seq;
	return __sync_bool_compare_and_swap(&keys[key].seq, seq, seq + 1) ?
	       0 : EINVAL;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct pthread *self = __pthread_self();

	if (!IN_USE(key) || self->tsd[key].seq != keys[key].seq)
		return NULL;
	return self->tsd[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *self = __pthread_self();

	if (!IN_USE(key))
		return EINVAL;
	self->tsd[key].seq = keys[key].seq;
	self->tsd[key].value = (void *)value;
	return 0;
}

/* one_round — call the destructor of each non-NULL value (set to NULL
 * first, as POSIX asks); returns whether any was called. */
static int one_round(struct pthread *self)
{
	int called = 0;

	for (unsigned int k = 0; k < PTHREAD_KEYS_MAX; k++) {
		void *v = self->tsd[k].value;

		if (!v || !IN_USE(k) || self->tsd[k].seq != keys[k].seq ||
		    !keys[k].destructor)
			continue;
		self->tsd[k].value = NULL;
		keys[k].destructor(v);
		called = 1;
	}
	return called;
}

/* __tsd_run_destructors — at thread exit, up to
 * PTHREAD_DESTRUCTOR_ITERATIONS rounds while destructors set new values. */
void __tsd_run_destructors(struct pthread *self)
{
	for (int i = 0; i < PTHREAD_DESTRUCTOR_ITERATIONS; i++)
		if (!one_round(self))
			break;
}

/* pthread_once: 0 not run, 1 running, 2 done. A cancelled init_routine
 * leaves it not run (POSIX), so the next caller runs it. */
static void once_cancelled(void *p)
{
	volatile int *once = p;

	*once = 0;
	__futex_wake(once, INT_MAX);
}

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	volatile int *o = once;

	for (;;) {
		int s = *o;

		if (s == 2) {
			__sync_synchronize();
			return 0;
		}
		if (s == 0 && __sync_bool_compare_and_swap(o, 0, 1)) {
			pthread_cleanup_push(once_cancelled, (void *)o);
			fn();
			pthread_cleanup_pop(0);
			__atomic_store_n(o, 2, __ATOMIC_SEQ_CST);
			__futex_wake(o, INT_MAX);
			return 0;
		}
		if (s == 1)
			__futex_wait(o, 1, NULL);
	}
}
