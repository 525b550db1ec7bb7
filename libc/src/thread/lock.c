/* libc/src/thread/lock.c — the futex lock under malloc, stdio and
 * pthread_mutex_t, and the futex calls.
 *
 * Drepper, "Futexes Are Tricky", mutex #2: the word is 0 (free), 1
 * (locked, nobody waiting) or 2 (locked, maybe waiters). Taking a free
 * lock and releasing an uncontended one are one atomic instruction each
 * and no system call; only contention enters the kernel. */
#include <limits.h>
#include <time.h>
#include "pthread_impl.h"
#include "../internal.h"

int __futex_wait(volatile int *addr, int val, const struct timespec *rel)
{
	return __syscall4(__NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, val,
			  (long)rel);
}

int __futex_wake(volatile int *addr, int n)
{
	return __syscall3(__NR_futex, (long)addr, FUTEX_WAKE_PRIVATE, n);
}

int __trylock(volatile int *l)
{
	return __sync_val_compare_and_swap(l, 0, 1) == 0;
}

void __lock(volatile int *l)
{
	/* LAB pthreads: begin lock */
	int c = __sync_val_compare_and_swap(l, 0, 1);

	if (!c)
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c) {			/* sleep while it stays "2" */
		__futex_wait(l, 2, NULL);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
	/* LAB pthreads: end lock */
}

void __unlock(volatile int *l)
{
	/* LAB pthreads: begin unlock */
	if (__atomic_fetch_sub(l, 1, __ATOMIC_RELEASE) != 1) {
		*l = 0;			/* was 2: someone may sleep */
		__futex_wake(l, 1);
	}
	/* LAB pthreads: end unlock */
}

/* __timeout_left — the relative time from now to the absolute time abs
 * (tv_nsec already checked) on clock; 0 with rel filled, ETIMEDOUT when
 * it has passed. */
int __timeout_left(const struct timespec *abs, clockid_t clock,
		   struct timespec *rel)
{
	struct timespec now;

	__syscall2(__NR_clock_gettime, clock, (long)&now);
	rel->tv_sec = abs->tv_sec - now.tv_sec;
	rel->tv_nsec = abs->tv_nsec - now.tv_nsec;
	if (rel->tv_nsec < 0) {
		rel->tv_nsec += 1000000000;
		rel->tv_sec--;
	}
	return rel->tv_sec < 0 ? ETIMEDOUT : 0;
}
