/* user/bench/cpubench.c — CPU-bound threads: each of -t N threads does
 * the same fixed amount of arithmetic (no system call, no shared cache
 * line); prints the wall time. On one CPU N threads take N times one
 * thread's time; on N CPUs, about one thread's (make bench compares a
 * boot with SMP=1 and one with SMP=2). -s first runs the same work on
 * one thread and prints the speed-up of N threads over N times that, in
 * the same boot: the kernel's scaling, whatever the host's speed.
 * try: cpubench -t 2 -s */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS	8

static long work = 400000000;	/* -w: iterations per thread */
static volatile unsigned long results[MAX_THREADS * 16];	/* a line each */

static void *burn(void *arg)
{
	unsigned long x = (unsigned long)arg + 1;

	for (long i = 0; i < work; i++)
		x = x * 1103515245 + 12345;
	results[(long)arg * 16] = x;
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* run — n threads of burn, started together and joined: wall time */
static double run(int n)
{
	pthread_t t[MAX_THREADS];
	double start = now();

	for (long i = 0; i < n; i++)
		pthread_create(&t[i], NULL, burn, (void *)i);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return now() - start;
}

int main(int argc, char **argv)
{
	int c, n = 2, scaling = 0;
	double one = 0, all;

	while ((c = getopt(argc, argv, "t:w:s")) != -1) {
		if (c == 't')
			n = atoi(optarg);
		else if (c == 'w')
			work = atol(optarg);
		else if (c == 's')
			scaling = 1;
	}
	if (n < 1 || n > MAX_THREADS) {
		fprintf(stderr, "cpubench: -t 1..%d\n", MAX_THREADS);
		return 2;
	}
	if (scaling)
		one = run(1);
	all = run(n);
	printf("cpubench: %d threads x %ld iterations: %.3f s\n", n, work, all);
	if (scaling)
		printf("cpubench: 1 thread: %.3f s; speed-up of %d threads: "
		       "%.2fx\n", one, n, n * one / all);
	return 0;
}
