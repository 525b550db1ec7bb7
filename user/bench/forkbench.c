/* user/bench/forkbench.c — how fast processes and threads are created
 * and reaped, for a process that has touched 0 or 16 MiB (TLPI table
 * 28-3's experiment, in small; the full benchmark is issue 7's).
 * Each cell runs for about half a second. try: forkbench */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK	16384
#define THREAD	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		 CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static char stack[STACK] __attribute__((aligned(16)));
static volatile int tid;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int child(void *arg)
{
	(void)arg;
	return 0;
}

static void one(int kind)
{
	pid_t pid = -1;
	int st;

	if (kind == 0 && (pid = fork()) == 0)
		_exit(0);
	if (kind == 1 && (pid = vfork()) == 0)
		_exit(0);
	if (kind == 2)
		pid = clone(child, stack + STACK, CLONE_VM | CLONE_VFORK | CLONE_FS |
			    CLONE_SIGHAND | CLONE_FILES | SIGCHLD, NULL);
	if (kind == 3) {
		clone(child, stack + STACK, THREAD, NULL, &tid, NULL, &tid);
		while (tid)
			syscall(240, &tid, 0, tid, NULL, 0, 0);
		return;
	}
	waitpid(pid, &st, 0);
}

static void cell(const char *name, int kind, int mib)
{
	double start = now(), t;
	long n = 0;

	do {
		one(kind);
		n++;
		t = now() - start;
	} while (t < 0.5);
	long long us = (long long)(t * 1e6);	/* printf has no %f yet */

	printf("%-24s %4d MiB %7ld %7lld ms %9lld /s %7lld.%lld us\n", name, mib,
	       n, us / 1000, n * 1000000LL / us, us / n, us * 10 / n % 10);
	fflush(stdout);
}

int main(void)
{
	static const char *names[] = { "fork", "vfork",
				       "clone(VM|VFORK|FS|...)", "thread create+join" };
	int sizes[] = { 0, 16 };

	printf("%-24s %8s %7s %10s %12s %10s\n", "creation", "touched", "iters",
	       "time", "per second", "per op");
	for (int s = 0; s < 2; s++) {
		char *mem = sizes[s] ? malloc(sizes[s] << 20) : NULL;

		if (mem)
			memset(mem, 1, sizes[s] << 20);
		for (int k = 0; k < 4; k++)
			cell(names[k], k, sizes[s]);
		free(mem);
	}
	return 0;
}
