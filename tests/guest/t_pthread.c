/* tests/guest/t_pthread.c — POSIX threads from libc, compared with Linux:
 * create/join/detach and the thread's identity, per-thread errno and
 * __thread variables, the three mutex types, a producer/consumer on a
 * condition variable, timed waits, barriers, pthread_once, thread-specific
 * data with destructors, stdio/malloc under contention, read-write locks
 * and spinlocks. Cancellation, signals and a thread's effects on its
 * process are in t_pthread_life.
 * try: /tests/t_pthread */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"


/* --- identity, join, detach --------------------------------------- */

static pid_t main_tid;

static void *identity(void *arg)
{
	static int answer;

	answer = (getpid() == main_tid) + 2 * (gettid() != main_tid) +
		 4 * !pthread_equal(pthread_self(), *(pthread_t *)arg);
	return &answer;
}

static volatile int detached_ran;

static void *detached(void *arg)
{
	(void)arg;
	__atomic_store_n(&detached_ran, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static pthread_mutex_t hold = PTHREAD_MUTEX_INITIALIZER;

static void *held(void *arg)
{
	pthread_mutex_lock(&hold);
	pthread_mutex_unlock(&hold);
	return arg;
}

static void test_basics(void)
{
	pthread_t self = pthread_self(), t;
	pthread_attr_t a;
	int state;
	void *res;

	main_tid = gettid();
	check(pthread_create(&t, NULL, identity, &self) == 0 &&
	      pthread_join(t, &res) == 0 && *(int *)res == 7,
	      "a thread: same getpid, its own gettid and pthread_self");
	check(pthread_join(pthread_self(), NULL) == EDEADLK,
	      "joining yourself: EDEADLK");
	pthread_attr_init(&a);
	check(pthread_attr_setdetachstate(&a, 5) == EINVAL,
	      "attr: a bad detach state is EINVAL");
	check(pthread_attr_setstacksize(&a, 1024) == EINVAL,
	      "attr: a stack below PTHREAD_STACK_MIN is EINVAL");
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_attr_getdetachstate(&a, &state);
	pthread_attr_setstacksize(&a, 64 * 1024);
	check(state == PTHREAD_CREATE_DETACHED &&
	      pthread_create(&t, &a, detached, NULL) == 0,
	      "a detached thread on a 64 KiB stack");
	while (!__atomic_load_n(&detached_ran, __ATOMIC_SEQ_CST))
		sched_yield();
	check(1, "... it ran");
	/* the thread is held until the checks are done: a detached thread
	 * that has exited has freed its descriptor, and asking about it
	 * then is undefined (it crashed the host one run in thirty) */
	pthread_mutex_lock(&hold);
	pthread_create(&t, NULL, held, NULL);
	check(pthread_detach(t) == 0 && pthread_detach(t) == EINVAL &&
	      pthread_join(t, NULL) == EINVAL,
	      "pthread_detach: then detach again and join are EINVAL");
	pthread_mutex_unlock(&hold);
}

/* --- errno and __thread ------------------------------------------- */

static __thread int tls_init = 42;
static __thread int tls_zero;
static __thread char tls_buf[100] = "initial";

static void *errno_thread(void *arg)
{
	int mine = (int)(long)arg, ok = 1;

	ok &= tls_init == 42 && tls_zero == 0 && !strcmp(tls_buf, "initial");
	tls_init = mine;
	tls_zero = -mine;
	snprintf(tls_buf, sizeof(tls_buf), "thread %d", mine);
	for (int i = 0; i < 200; i++) {
		errno = mine;
		sched_yield();
		ok &= errno == mine && tls_init == mine && tls_zero == -mine;
	}
	close(-1);			/* EBADF, in this thread only */
	ok &= errno == EBADF;
	return (void *)(long)ok;
}

static void test_errno_tls(void)
{
	pthread_t t[4];
	int all = 1;
	void *r;

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, errno_thread, (void *)(long)(100 + i));
	errno = 7;
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], &r);
		all &= r != NULL;
	}
	check(all, "each thread has its own errno and __thread variables");
	check(errno == 7 && tls_init == 42 && !strcmp(tls_buf, "initial"),
	      "... and the main thread's are untouched");
}

/* --- mutexes ------------------------------------------------------ */

#define NCOUNT	8
#define ROUNDS	20000

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *count_locked(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&count_lock);
		counter = counter + 1;
		pthread_mutex_unlock(&count_lock);
	}
	return NULL;
}

static pthread_mutex_t owned_by_main;

static void *unlock_foreign(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_unlock(&owned_by_main);
}

static void test_mutex(void)
{
	pthread_t t[NCOUNT];
	pthread_mutexattr_t a;
	pthread_mutex_t r;
	void *res;

	for (int i = 0; i < NCOUNT; i++)
		pthread_create(&t[i], NULL, count_locked, NULL);
	for (int i = 0; i < NCOUNT; i++)
		pthread_join(t[i], NULL);
	check(counter == NCOUNT * ROUNDS,
	      "8 threads x 20000 increments under a mutex: none lost");
	pthread_mutexattr_init(&a);
	check(pthread_mutexattr_settype(&a, 9) == EINVAL,
	      "mutexattr: a bad type is EINVAL");
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&r, &a);
	check(pthread_mutex_lock(&r) == 0 && pthread_mutex_lock(&r) == 0 &&
	      pthread_mutex_trylock(&r) == 0 && pthread_mutex_unlock(&r) == 0 &&
	      pthread_mutex_unlock(&r) == 0 && pthread_mutex_unlock(&r) == 0 &&
	      pthread_mutex_unlock(&r) == EPERM,
	      "recursive: three locks need three unlocks, a fourth is EPERM");
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&owned_by_main, &a);
	pthread_mutex_lock(&owned_by_main);
	check(pthread_mutex_lock(&owned_by_main) == EDEADLK,
	      "errorcheck: relocking is EDEADLK");
	pthread_create(&t[0], NULL, unlock_foreign, NULL);
	pthread_join(t[0], &res);
	check((long)res == EPERM, "errorcheck: another thread's unlock is EPERM");
	check(pthread_mutex_destroy(&owned_by_main) == EBUSY,
	      "destroying a locked mutex: EBUSY");
	pthread_mutex_unlock(&owned_by_main);
	check(pthread_mutex_trylock(&count_lock) == 0 &&
	      pthread_mutex_trylock(&count_lock) == EBUSY,
	      "normal: trylock on a held mutex is EBUSY");
	pthread_mutex_unlock(&count_lock);
}

/* --- producer/consumer -------------------------------------------- */

#define SLOTS	4
#define ITEMS	2000

static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_full, not_empty;
	int buf[SLOTS], head, count, done;
} q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	PTHREAD_COND_INITIALIZER, { 0 }, 0, 0, 0 };

static void *producer(void *arg)
{
	int base = (int)(long)arg;

	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&q.lock);
		while (q.count == SLOTS)
			pthread_cond_wait(&q.not_full, &q.lock);
		q.buf[(q.head + q.count++) % SLOTS] = base + i;
		pthread_cond_signal(&q.not_empty);
		pthread_mutex_unlock(&q.lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long long *sum = arg;

	for (;;) {
		pthread_mutex_lock(&q.lock);
		while (!q.count && !q.done)
			pthread_cond_wait(&q.not_empty, &q.lock);
		if (!q.count) {
			pthread_mutex_unlock(&q.lock);
			return NULL;
		}
		*sum += q.buf[q.head];
		q.head = (q.head + 1) % SLOTS;
		q.count--;
		pthread_cond_signal(&q.not_full);
		pthread_mutex_unlock(&q.lock);
	}
}

static void test_condvar(void)
{
	pthread_t p[2], c[2];
	long long sum[2] = { 0, 0 }, want = 0;

	for (int i = 0; i < 2; i++) {
		pthread_create(&p[i], NULL, producer, (void *)(long)(i * 100000));
		pthread_create(&c[i], NULL, consumer, &sum[i]);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(p[i], NULL);
	pthread_mutex_lock(&q.lock);
	q.done = 1;
	pthread_cond_broadcast(&q.not_empty);
	pthread_mutex_unlock(&q.lock);
	for (int i = 0; i < 2; i++)
		pthread_join(c[i], NULL);
	for (int i = 0; i < 2; i++)
		want += (long long)ITEMS * (ITEMS + 1) / 2 + (long long)ITEMS * i * 100000;
	printf("producer/consumer: %d items through %d slots, sum %lld\n",
	       2 * ITEMS, SLOTS, sum[0] + sum[1]);
	check(sum[0] + sum[1] == want,
	      "2 producers, 2 consumers on condition variables: every item once");
}

static void test_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	pthread_condattr_t ca;
	struct timespec ts, t0, t1;
	int r;

	clock_gettime(CLOCK_REALTIME, &ts);
	t0 = ts;
	ts.tv_nsec += 50 * 1000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&m);
	r = pthread_cond_timedwait(&c, &m, &ts);
	clock_gettime(CLOCK_REALTIME, &t1);
	check(r == ETIMEDOUT && pthread_mutex_trylock(&m) == EBUSY,
	      "cond_timedwait: ETIMEDOUT, with the mutex held again");
	check((t1.tv_sec - t0.tv_sec) * 1000000000LL + t1.tv_nsec - t0.tv_nsec >=
	      50 * 1000000LL, "... not before the deadline");
	ts.tv_nsec = 1000000000;
	check(pthread_cond_timedwait(&c, &m, &ts) == EINVAL,
	      "cond_timedwait: tv_nsec of 10^9 is EINVAL");
	pthread_mutex_unlock(&m);
	pthread_condattr_init(&ca);
	check(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 &&
	      pthread_condattr_setclock(&ca, 77) == EINVAL,
	      "condattr_setclock: MONOTONIC yes, clock 77 EINVAL");
}

/* --- waiters sleep ------------------------------------------------ */

/* A thread that waits for a held mutex, or on a condition variable,
 * sleeps in the kernel (FUTEX_WAIT) instead of spinning: its own CPU
 * time stays far below the 300 ms it waits. */
static pthread_mutex_t sleep_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sleep_c = PTHREAD_COND_INITIALIZER;
static volatile int sleep_flag;
static long waiter_cpu_ms;

static long cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *mutex_waiter(void *arg)
{
	long t0 = cpu_ms();

	(void)arg;
	pthread_mutex_lock(&sleep_m);
	waiter_cpu_ms = cpu_ms() - t0;
	pthread_mutex_unlock(&sleep_m);
	return NULL;
}

static void *cond_waiter(void *arg)
{
	long t0 = cpu_ms();

	(void)arg;
	pthread_mutex_lock(&sleep_m);
	while (!sleep_flag)
		pthread_cond_wait(&sleep_c, &sleep_m);
	waiter_cpu_ms = cpu_ms() - t0;
	pthread_mutex_unlock(&sleep_m);
	return NULL;
}

static void test_waiters_sleep(void)
{
	struct timespec wait = { 0, 300000000 };
	pthread_t t;

	pthread_mutex_lock(&sleep_m);
	pthread_create(&t, NULL, mutex_waiter, NULL);
	nanosleep(&wait, NULL);
	pthread_mutex_unlock(&sleep_m);
	pthread_join(t, NULL);
	check(waiter_cpu_ms < 100, "a thread waiting 300 ms for a mutex sleeps: "
	      "under 100 ms of CPU");
	pthread_create(&t, NULL, cond_waiter, NULL);
	nanosleep(&wait, NULL);
	pthread_mutex_lock(&sleep_m);
	sleep_flag = 1;
	pthread_cond_signal(&sleep_c);
	pthread_mutex_unlock(&sleep_m);
	pthread_join(t, NULL);
	check(waiter_cpu_ms < 100, "a thread waiting 300 ms on a condition "
	      "variable sleeps: under 100 ms of CPU");
}

/* --- barrier, once, keys ------------------------------------------ */

static pthread_barrier_t barrier;
static volatile int before_barrier, serials;

static void *barrier_thread(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&before_barrier, 1, __ATOMIC_SEQ_CST);
	if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
		__atomic_add_fetch(&serials, 1, __ATOMIC_SEQ_CST);
	return (void *)(long)__atomic_load_n(&before_barrier, __ATOMIC_SEQ_CST);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void init_once(void)
{
	once_runs++;
	usleep(10000);			/* let the others arrive and wait */
}

static pthread_key_t key;
static volatile int destroyed, destroyed_sum;

static void destructor(void *v)
{
	__atomic_add_fetch(&destroyed, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&destroyed_sum, (int)(long)v, __ATOMIC_SEQ_CST);
}

static void *key_thread(void *arg)
{
	int ok = pthread_getspecific(key) == NULL;

	pthread_once(&once, init_once);
	pthread_setspecific(key, arg);
	sched_yield();
	ok &= pthread_getspecific(key) == arg;
	return (void *)(long)ok;
}

static void test_sync(void)
{
	pthread_t t[6];
	int all = 1;
	void *r;

	check(pthread_barrier_init(&barrier, NULL, 0) == EINVAL,
	      "a barrier for 0 threads: EINVAL");
	pthread_barrier_init(&barrier, NULL, 6);
	for (int i = 0; i < 6; i++)
		pthread_create(&t[i], NULL, barrier_thread, NULL);
	for (int i = 0; i < 6; i++) {
		pthread_join(t[i], &r);
		all &= (long)r == 6;
	}
	check(all && serials == 1,
	      "barrier: nobody passes before all 6 arrive; one is the serial thread");
	check(pthread_key_create(&key, destructor) == 0, "pthread_key_create");
	pthread_setspecific(key, (void *)1000);
	all = 1;
	for (int i = 0; i < 6; i++)
		pthread_create(&t[i], NULL, key_thread, (void *)(long)(i + 1));
	for (int i = 0; i < 6; i++) {
		pthread_join(t[i], &r);
		all &= r != NULL;
	}
	check(once_runs == 1, "pthread_once: 6 threads, one run");
	check(all, "thread-specific data: each thread sees its own value");
	check(destroyed == 6 && destroyed_sum == 21,
	      "destructors ran once per exiting thread with its value");
	check(pthread_getspecific(key) == (void *)1000,
	      "... the main thread's value is its own");
	check(pthread_key_delete(key) == 0 && pthread_key_delete(key) == EINVAL &&
	      pthread_setspecific(key, NULL) == EINVAL,
	      "a deleted key: delete and setspecific are EINVAL");
	pthread_key_create(&key, NULL);
	check(pthread_getspecific(key) == NULL,
	      "a re-created key reads NULL, not the old value");
	pthread_key_delete(key);
}

/* --- stdio and malloc under contention ---------------------------- */

static void *writer(void *arg)
{
	FILE *f = arg;
	long id = (long)pthread_self() & 0xffff;

	for (int i = 0; i < 200; i++)
		fprintf(f, "line %04lx %03d %s\n", id, i,
			"the quick brown fox jumps over the lazy dog");
	return NULL;
}

static void *allocator(void *arg)
{
	void *p[64];
	int ok = 1;

	(void)arg;
	for (int round = 0; round < 100; round++) {
		for (int i = 0; i < 64; i++) {
			p[i] = malloc(16 + (i * 37 + round) % 500);
			if (p[i])
				memset(p[i], i, 16);
		}
		for (int i = 0; i < 64; i++) {
			ok &= p[i] && ((unsigned char *)p[i])[15] == i;
			free(p[i]);
		}
	}
	return (void *)(long)ok;
}

static void test_contention(void)
{
	char tmp[] = "/tmp/t_pthreadXXXXXX", line[200];
	pthread_t t[4];
	int fd = mkstemp(tmp), lines = 0, good = 0, all = 1;
	FILE *f = fdopen(fd, "w+");
	void *r;

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, writer, f);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	fseek(f, 0, SEEK_SET);
	while (fgets(line, sizeof(line), f)) {
		lines++;
		good += strlen(line) == 58 && !strcmp(line + 14,
			"the quick brown fox jumps over the lazy dog\n");
	}
	fclose(f);
	unlink(tmp);
	check(lines == 800 && good == 800,
	      "4 threads x 200 fprintf lines to one stream: none torn");
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, allocator, NULL);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], &r);
		all &= r != NULL;
	}
	check(all, "4 threads malloc and free 25600 blocks: intact");
}

/* Read-write locks and spinlocks under contention: writers move a pair
 * of counters together, readers must never see them apart. */
static pthread_rwlock_t pair_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t spin;
static volatile long pair_a, pair_b, spun;
static volatile int torn;

static void *rw_worker(void *arg)
{
	for (int i = 0; i < 3000; i++) {
		if ((long)arg % 2) {
			pthread_rwlock_wrlock(&pair_lock);
			pair_a++;
			sched_yield();		/* let a reader try, mid-update */
			pair_b++;
			pthread_rwlock_unlock(&pair_lock);
		} else {
			pthread_rwlock_rdlock(&pair_lock);
			if (pair_a != pair_b)
				torn = 1;
			pthread_rwlock_unlock(&pair_lock);
		}
		pthread_spin_lock(&spin);
		spun++;
		pthread_spin_unlock(&spin);
	}
	return NULL;
}

static void test_rwlock(void)
{
	pthread_t t[4];

	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, rw_worker, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	check(!torn && pair_a == 6000 && pair_b == 6000,
	      "rwlock: readers never see a writer's half-done update");
	check(spun == 12000, "spinlock: 4 threads x 3000 increments, none lost");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_basics();
	test_errno_tls();
	test_mutex();
	test_condvar();
	test_timedwait();
	test_waiters_sleep();
	test_sync();
	test_contention();
	test_rwlock();
	printf("t_pthread: %d failed\n", failures);
	return failures != 0;
}
