/* tests/guest/t_smp.c — CPU affinity and getcpu against Linux, on as
 * many CPUs as there are (clonix at SMP=1 or SMP=2, the host's): the
 * output names no CPU and no count, only rules. sched_getaffinity's
 * mask holds the CPU getcpu names; a thread pinned to each allowed CPU
 * in turn runs there; a spinning thread that another thread re-pins
 * moves (the other CPU is kicked); affinity is per thread and inherited
 * by fork and pthread_create; the errors: EINVAL for an empty mask, a
 * mask of no existing CPU, a buffer too small or not a whole number of
 * longs; ESRCH; EFAULT. docs/smp.md §3.
 * try: /tests/t_smp */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static cpu_set_t allowed;	/* what the test started with */
static int first_cpu;

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

static int pin(pid_t tid, int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(tid, sizeof(set), &set);
}

static unsigned int where(void)
{
	unsigned int cpu = 9999;

	getcpu(&cpu, NULL);
	return cpu;
}

/* every_cpu — pinned to each allowed CPU in turn, the caller runs there */
static int every_cpu(void)
{
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &allowed) &&
		    (pin(0, c) || where() != (unsigned int)c))
			return 0;
	return 1;
}

static volatile int stop, target = -1, arrived;
static volatile pid_t spinner_tid;

/* spinner — burns CPU, noting when getcpu shows the target CPU */
static void *spinner(void *arg)
{
	(void)arg;
	spinner_tid = syscall(SYS_gettid);
	while (!stop)
		if (target >= 0 && where() == (unsigned int)target)
			arrived = 1;
	return NULL;
}

/* moved_by_another — main re-pins a running spinner to each CPU */
static int moved_by_another(void)
{
	pthread_t t;
	int ok = 1;

	pthread_create(&t, NULL, spinner, NULL);
	while (!spinner_tid)
		sched_yield();
	for (int c = 0; c < CPU_SETSIZE && ok; c++) {
		if (!CPU_ISSET(c, &allowed))
			continue;
		arrived = 0;
		target = c;
		ok = pin(spinner_tid, c) == 0;
		while (ok && !arrived)
			sched_yield();
	}
	stop = 1;
	pthread_join(t, NULL);
	return ok;
}

static void *thread_mask(void *arg)
{
	cpu_set_t set;

	sched_getaffinity(0, sizeof(set), &set);
	*(int *)arg = CPU_COUNT(&set) == 1 && CPU_ISSET(first_cpu, &set);
	pin(0, first_cpu);
	return NULL;
}

/* errors — each EINVAL, EFAULT and ESRCH Linux gives these calls */
static void errors(void)
{
	cpu_set_t set, none;

	CPU_ZERO(&none);
	check(fails_with(sched_setaffinity(0, sizeof(none), &none), EINVAL),
	      "an empty mask: EINVAL");
	CPU_ZERO(&set);
	CPU_SET(1000, &set);
	check(fails_with(sched_setaffinity(0, sizeof(set), &set), EINVAL),
	      "only a CPU that does not exist: EINVAL");
	check(fails_with(syscall(SYS_sched_getaffinity, 0, 0, &set), EINVAL),
	      "getaffinity into 0 bytes: EINVAL");
	check(fails_with(syscall(SYS_sched_getaffinity, 0, 6, &set), EINVAL),
	      "into 6 bytes (not whole longs): EINVAL");
	check(fails_with(syscall(SYS_sched_getaffinity, 0, sizeof(set), NULL), EFAULT),
	      "into a bad pointer: EFAULT");
	check(fails_with(syscall(SYS_sched_setaffinity, 0, sizeof(set), (void *)8), EFAULT),
	      "from a bad pointer: EFAULT");
	check(fails_with(sched_setaffinity(-1, sizeof(allowed), &allowed), ESRCH),
	      "pid -1: ESRCH");
	check(fails_with(sched_getaffinity(4000000, sizeof(set), &set), ESRCH),
	      "no such thread: ESRCH");
	check(fails_with(syscall(SYS_getcpu, (void *)8, NULL, NULL), EFAULT),
	      "getcpu into a bad pointer: EFAULT");
	check(syscall(SYS_getcpu, NULL, NULL, NULL) == 0, "getcpu with no pointers: 0");
}

int main(void)
{
	cpu_set_t set;
	int ok = 0, st = -1;
	long n;
	pid_t pid;
	pthread_t t;

	if (sched_getaffinity(0, sizeof(allowed), &allowed)) {
		broken("sched_getaffinity");
		return failures;
	}
	for (first_cpu = 0; !CPU_ISSET(first_cpu, &allowed); first_cpu++)
		;
	check(CPU_COUNT(&allowed) >= 1, "the mask has at least one CPU");
	check(CPU_ISSET(where(), &allowed), "getcpu names a CPU of the mask");
	check(sched_getcpu() == (int)where() || CPU_COUNT(&allowed) > 1,
	      "sched_getcpu agrees");
	n = syscall(SYS_sched_getaffinity, 0, sizeof(set), &set);
	check(n > 0 && n % 4 == 0 && n <= (long)sizeof(set),
	      "the raw call returns the bytes of its mask");
	check(every_cpu(), "pinned to each allowed CPU in turn: getcpu follows");
	check(moved_by_another(), "a running thread re-pinned by another moves");
	sched_setaffinity(0, sizeof(allowed), &allowed);

	pin(0, first_cpu);
	pid = fork();
	if (pid == 0) {
		sched_getaffinity(0, sizeof(set), &set);
		_exit(CPU_COUNT(&set) == 1 && CPU_ISSET(first_cpu, &set) ? 0 : 1);
	}
	check(waitpid(pid, &st, 0) == pid && st == 0, "a fork child inherits the mask");
	pthread_create(&t, NULL, thread_mask, &ok);
	pthread_join(t, NULL);
	check(ok, "so does a new thread");
	sched_setaffinity(0, sizeof(allowed), &allowed);
	sched_getaffinity(0, sizeof(set), &set);
	check(CPU_EQUAL(&set, &allowed), "a thread's pin is its own: the other keeps its mask");

	errors();
	printf("t_smp: %d failed\n", failures);
	return failures;
}
