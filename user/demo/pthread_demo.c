/* user/demo/pthread_demo.c — four small multithreaded programs in one,
 * each showing why a pthreads tool exists (TLPI chapters 29-31):
 *
 *   counter   8 threads add 1 to a shared counter 100,000 times each,
 *             first bare (updates are lost: "x = x + 1" is a load and a
 *             store, and another thread runs in between), then under a
 *             mutex (none lost).
 *   prodcons  a producer and a consumer through a 4-slot buffer, waiting
 *             on condition variables when it is full or empty.
 *   errno     three threads fail three different calls at once; each sees
 *             its own errno (it lives in the thread's TLS block).
 *   tsd       thread-specific data: each thread's buffer is freed by the
 *             key's destructor when that thread exits.
 *
 * The lines in parentheses vary from run to run; the rest does not.
 * usage: pthread_demo [counter|prodcons|errno|tsd]  (default: all four) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NTHREADS	8
#define ROUNDS		100000

/* --- counter ------------------------------------------------------ */

static volatile long counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

/* bare_adder — the race, widened: every 1000th time the thread gives up
 * the CPU between reading the counter and writing it back, so the lost
 * updates show on one CPU as well as on many. */
static void *bare_adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		long seen = counter;

		if (i % 1000 == 0)
			sched_yield();
		counter = seen + 1;
	}
	return NULL;
}

static void *locked_adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		long seen = counter;

		if (i % 1000 == 0)
			sched_yield();
		counter = seen + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static long run_adders(void *(*fn)(void *))
{
	pthread_t t[NTHREADS];

	counter = 0;
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, fn, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	return counter;
}

static void demo_counter(void)
{
	long want = (long)NTHREADS * ROUNDS, got;

	printf("counter: %d threads x %d increments = %ld expected\n",
	       NTHREADS, ROUNDS, want);
	got = run_adders(bare_adder);
	printf("  without a mutex: %s\n", got < want ? "updates were lost" :
	       "none lost this time (try again)");
	printf("  (this run: %ld, %ld lost)\n", got, want - got);
	got = run_adders(locked_adder);
	printf("  with a mutex:    %ld, none lost: %s\n", got,
	       got == want ? "yes" : "NO");
}

/* --- producer/consumer -------------------------------------------- */

#define SLOTS	4
#define ITEMS	1000

static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_full, not_empty;
	int slot[SLOTS], head, count;
	int full_waits, empty_waits;
} buf = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	  PTHREAD_COND_INITIALIZER, { 0 }, 0, 0, 0, 0 };

static void *producer(void *arg)
{
	(void)arg;
	for (int item = 1; item <= ITEMS; item++) {
		pthread_mutex_lock(&buf.lock);
		while (buf.count == SLOTS) {	/* a loop: wake-ups may be spurious */
			buf.full_waits++;
			pthread_cond_wait(&buf.not_full, &buf.lock);
		}
		buf.slot[(buf.head + buf.count++) % SLOTS] = item;
		pthread_cond_signal(&buf.not_empty);
		pthread_mutex_unlock(&buf.lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long *sum = arg;
	int in_order = 1;

	for (int want = 1; want <= ITEMS; want++) {
		pthread_mutex_lock(&buf.lock);
		while (buf.count == 0) {
			buf.empty_waits++;
			pthread_cond_wait(&buf.not_empty, &buf.lock);
		}
		in_order &= buf.slot[buf.head] == want;
		*sum += buf.slot[buf.head];
		buf.head = (buf.head + 1) % SLOTS;
		buf.count--;
		pthread_cond_signal(&buf.not_full);
		pthread_mutex_unlock(&buf.lock);
	}
	return (void *)(long)in_order;
}

static void demo_prodcons(void)
{
	pthread_t p, c;
	long sum = 0;
	void *in_order;

	pthread_create(&c, NULL, consumer, &sum);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, &in_order);
	printf("prodcons: %d items through %d slots: sum %ld, in order: %s\n",
	       ITEMS, SLOTS, sum, in_order ? "yes" : "no");
	printf("  (this run: the producer waited %d times, the consumer %d)\n",
	       buf.full_waits, buf.empty_waits);
}

/* --- errno per thread --------------------------------------------- */

static pthread_barrier_t all_failed;

static void *fail_open(void *arg)
{
	(void)arg;
	open("/no/such/file", O_RDONLY);
	pthread_barrier_wait(&all_failed);	/* all three have failed now */
	return (void *)(long)errno;
}

static void *fail_close(void *arg)
{
	(void)arg;
	close(-1);
	pthread_barrier_wait(&all_failed);
	return (void *)(long)errno;
}

static void *fail_kill(void *arg)
{
	(void)arg;
	kill(99999, 0);
	pthread_barrier_wait(&all_failed);
	return (void *)(long)errno;
}

static void demo_errno(void)
{
	static const struct {
		const char *call;
		void *(*fn)(void *);
	} t[] = {
		{ "open(\"/no/such/file\")", fail_open },
		{ "close(-1)", fail_close },
		{ "kill(99999, 0)", fail_kill },
	};
	pthread_t th[3];
	void *err;

	printf("errno: three threads fail at once, then read errno\n");
	pthread_barrier_init(&all_failed, NULL, 3);
	errno = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&th[i], NULL, t[i].fn, NULL);
	for (int i = 0; i < 3; i++) {
		pthread_join(th[i], &err);
		printf("  %-22s errno %2ld: %s\n", t[i].call, (long)err,
		       strerror((long)err));
	}
	printf("  main thread's errno is still %d\n", errno);
}

/* --- thread-specific data ------------------------------------------ */

static pthread_key_t buffer_key;

static void free_buffer(void *p)
{
	printf("  destructor: freeing \"%s\"\n", (char *)p);
	free(p);
}

/* my_buffer — a per-thread buffer made on first use (TLPI 31.3.4) */
static char *my_buffer(void)
{
	char *b = pthread_getspecific(buffer_key);

	if (!b) {
		b = malloc(64);
		pthread_setspecific(buffer_key, b);
	}
	return b;
}

static void *tsd_thread(void *arg)
{
	snprintf(my_buffer(), 64, "the buffer of thread %ld", (long)arg);
	printf("  thread %ld: my buffer says \"%s\"\n", (long)arg, my_buffer());
	return NULL;
}

static void demo_tsd(void)
{
	pthread_t t;

	printf("tsd: one key, a buffer per thread, freed at thread exit\n");
	pthread_key_create(&buffer_key, free_buffer);
	for (long i = 1; i <= 3; i++) {
		pthread_create(&t, NULL, tsd_thread, (void *)i);
		pthread_join(t, NULL);
	}
	pthread_key_delete(buffer_key);
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!*only || !strcmp(only, "counter"))
		demo_counter();
	if (!*only || !strcmp(only, "prodcons"))
		demo_prodcons();
	if (!*only || !strcmp(only, "errno"))
		demo_errno();
	if (!*only || !strcmp(only, "tsd"))
		demo_tsd();
	return 0;
}
