/* user/demo/smp_demo.c — threads of one process running at once on two
 * CPUs (make run SMP=2; docs/smp.md). Three scenes:
 *  1. each thread pins itself to one CPU (sched_setaffinity) and asks
 *     where it runs (getcpu);
 *  2. a thread pinned to CPU 1 keeps reading a page while the main thread,
 *     on CPU 0, forks (the page becomes copy-on-write) and then writes it:
 *     the write breaks the COW, the page gets a new frame, and the reader's
 *     CPU must forget the old translation (a TLB shootdown) to see the
 *     write. With trace=tlb the kernel prints each shootdown;
 *  3. two threads on two CPUs increment one counter a million times each
 *     with a plain "incl" and then with "lock incl": on one CPU an
 *     instruction is never cut by an interrupt, so no update is lost;
 *     on two, the plain one loses updates and the locked one does not.
 * With one CPU it says so and shows what one CPU can. try: smp_demo */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS	3000000
#define ATTEMPTS	3	/* a busy host may not overlap the threads at once */

static int ncpus;
static volatile int go;		/* scene 2: the reader is pinned */

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0)
		perror("sched_setaffinity");
}

static int count_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return 1;
	return CPU_COUNT(&set);
}

/* scene 1 */
static void *where(void *arg)
{
	unsigned int cpu;

	pin((int)(long)arg);
	getcpu(&cpu, NULL);
	printf("  thread %ld pinned to cpu %ld: getcpu says cpu %u\n",
	       (long)arg, (long)arg, cpu);
	return NULL;
}

static void scene_pinning(void)
{
	pthread_t t[2];

	printf("1. pinning: each thread asks to run on one CPU only\n");
	for (long i = 0; i < ncpus && i < 2; i++) {
		pthread_create(&t[i], NULL, where, (void *)i);
		pthread_join(t[i], NULL);
	}
}

/* scene 2 */
static volatile int *page;
static volatile long reads;

static void *reader(void *arg)
{
	(void)arg;
	pin(ncpus - 1);
	go = 1;
	while (page[0] == 1)	/* the old frame holds 1 */
		reads++;
	return NULL;
}

static void scene_cow(void)
{
	pthread_t t;
	pid_t child;

	printf("2. copy-on-write under a reader on the other CPU\n");
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page[0] = 1;
	pin(0);
	go = 0;
	pthread_create(&t, NULL, reader, NULL);
	while (!go)
		sched_yield();
	child = fork();		/* the page is now shared, read-only */
	if (child == 0) {
		sleep(1);	/* keeps the old frame alive */
		_exit(0);
	}
	page[0] = 2;		/* COW break: the page moves to a new frame */
	pthread_join(t, NULL);
	printf("  the reader saw the write (after some reads): a TLB "
	       "shootdown told its CPU\n");
	waitpid(child, NULL, 0);
}

/* scene 3 */
static volatile unsigned long counter;
static int locked;
static volatile int ready;

/* incrementer — pinned, then waits until both are pinned and running:
 * only then do the two loops overlap in time. */
static void *incrementer(void *arg)
{
	pin((int)(long)arg);
	__asm__ volatile("lock incl %0" : "+m"(ready));
	while (ready < 2)
		;
	for (int i = 0; i < ROUNDS; i++)
		if (locked)
			__asm__ volatile("lock incl %0" : "+m"(counter));
		else
			__asm__ volatile("incl %0" : "+m"(counter));
	return NULL;
}

static unsigned long race(int lock)
{
	pthread_t t[2];

	counter = 0;
	locked = lock;
	ready = 0;
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, incrementer,
			       (void *)(i % ncpus));
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return counter;
}

static void scene_counter(void)
{
	unsigned long plain = 0, with_lock;
	int attempt;

	printf("3. two threads, %d increments each (expected %d)\n", ROUNDS,
	       2 * ROUNDS);
	for (attempt = 1; attempt <= ATTEMPTS; attempt++)
		if ((plain = race(0)) != 2 * ROUNDS || ncpus < 2)
			break;
	with_lock = race(1);
	printf("  incl:      %lu (%s)\n", plain, plain == 2 * ROUNDS ?
	       "nothing lost" : "updates lost: both CPUs read, then wrote");
	printf("  lock incl: %lu (%s)\n", with_lock,
	       with_lock == 2 * ROUNDS ? "nothing lost" : "LOST: a bug");
}

int main(void)
{
	ncpus = count_cpus();
	printf("smp_demo: %d CPU%s\n", ncpus, ncpus > 1 ? "s" : "");
	if (ncpus < 2)
		printf("(one CPU: boot with SMP=2 to see threads run at once)\n");
	scene_pinning();
	if (ncpus > 1)
		scene_cow();
	scene_counter();
	return 0;
}
