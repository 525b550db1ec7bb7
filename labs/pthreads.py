"""Lab pthreads: mutexes and condition variables on futexes in libc
(docs/labs/pthreads.md)."""
from grade import Tap

STUBS = {
    "lock": """\
	/* TODO(lab pthreads): take the lock with one atomic instruction when
	 * it is free; otherwise mark it contended (2) and sleep in the
	 * kernel (__futex_wait) while it stays so. This stub spins. */
	while (!__trylock(l))
		__syscall0(__NR_sched_yield);""",
    "unlock": """\
	/* TODO(lab pthreads): release; if the word said "contended", wake
	 * one sleeper (__futex_wake). */
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);""",
    "cond_sleep": """\
	/* TODO(lab pthreads): sleep on the sequence word while it is still
	 * seq (FUTEX_WAIT_PRIVATE, a cancellation point: __syscall_cp),
	 * until abstime if there is one. This stub returns at once: a
	 * spurious wake-up, which POSIX allows, but every time. */
	(void)c;
	(void)seq;
	(void)abstime;
	pthread_testcancel();
	__syscall0(__NR_sched_yield);
	return 0;""",
    "cond_wake_one": """\
	/* TODO(lab pthreads): wake one waiter. */""",
    "cond_wake_all": """\
	/* TODO(lab pthreads): wake every waiter. */""",
}

PTHREAD = ["/tests/t_pthread"]
GRADED = [
    Tap("__lock: a waiter for a held mutex sleeps", 10, PTHREAD,
        r"for a mutex sleeps|under a mutex: none lost|trylock on a held",
        r"not ok in clonix: a thread waiting 300 ms for a mutex"),
    Tap("pthread_cond_wait: a waiter sleeps until signalled", 10, PTHREAD,
        r"on a condition variable sleeps|2 producers, 2 consumers",
        r"not ok in clonix: a thread waiting 300 ms on a condition"),
    Tap("pthread_cond_timedwait: ETIMEDOUT at the deadline", 5, PTHREAD,
        r"^cond_timedwait: ETIMEDOUT|not before the deadline",
        r"not ok in clonix: cond_timedwait: ETIMEDOUT"),
]
