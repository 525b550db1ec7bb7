/* tests/guest/t_time.c — clocks and sleeping: time, gettimeofday,
 * clock_gettime, nanosleep, times, getrusage and uname's shape. Only
 * relations are printed (a sleep is at least as long as asked; clocks do
 * not go back), never the times themselves. try: /tests/t_time */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"


static volatile unsigned long sink;

static void burn(long n)
{
	for (long i = 0; i < n; i++)
		sink += i;
}

static int burner(void *arg)
{
	(void)arg;
	burn(20000000);
	return 0;
}

static long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000L + tv.tv_usec;
}

/* test_usage — what a process's and its children's usage add up to:
 * an exited thread's CPU time stays the process's, a reaped child's
 * memory and sleeps show in RUSAGE_CHILDREN (spec §5.4.7). */
static void test_usage(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	struct rusage self, thread, kids;
	struct timespec nap = { 0, 20000000 };
	volatile int tid = 1;
	pid_t pid;
	int st;

	clone(burner, stack + sizeof(stack), CLONE_VM | CLONE_FS | CLONE_FILES |
	      CLONE_SIGHAND | CLONE_THREAD | CLONE_CHILD_CLEARTID, NULL, NULL,
	      NULL, &tid);
	while (tid)
		syscall(240, &tid, 0, tid, NULL, 0, 0);
	getrusage(RUSAGE_SELF, &self);
	getrusage(1 /* RUSAGE_THREAD */, &thread);
	check(tv_us(self.ru_utime) + tv_us(self.ru_stime) >
	      tv_us(thread.ru_utime) + tv_us(thread.ru_stime),
	      "RUSAGE_SELF counts the exited thread's CPU time");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		volatile char *mem = malloc(8 << 20);

		for (int i = 0; i < 8 << 20; i += 4096)
			mem[i] = 1;	/* volatile: the compiler may not drop it */
		nanosleep(&nap, NULL);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	getrusage(RUSAGE_CHILDREN, &kids);
	/* at least half: Linux counts rss per CPU and reads it roughly (up
	 * to a batch of pages per CPU unfolded), so on a multiprocessor a
	 * child that touched exactly N KiB may show a little less */
	check(kids.ru_maxrss >= 4096, "a child's 8 MiB shows in ru_maxrss "
	      "(KiB, at least half of it)");
	check(kids.ru_nvcsw >= 1, "its sleep was a voluntary context switch");
	check(kids.ru_minflt >= 1024, "its 4 MiB cost >= 1024 minor faults");
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	struct timespec a, b, req = { 0, 30000000 }, bad = { 0, 1000000000 };
	struct timeval tv;
	struct tms t;
	struct rusage ru;
	struct utsname u;
	time_t now = time(NULL);
	volatile unsigned long spin = 0;

	check(now > 1600000000, "time() is after 2020");
	check(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now &&
	      tv.tv_usec >= 0 && tv.tv_usec < 1000000, "gettimeofday agrees");
	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0, "CLOCK_MONOTONIC");
	check(nanosleep(&req, NULL) == 0, "nanosleep 30 ms");
	clock_gettime(CLOCK_MONOTONIC, &b);
	check(ns(&b) - ns(&a) >= 30000000, "... slept at least 30 ms");
	check(nanosleep(&bad, NULL) < 0 && errno == EINVAL,
	      "nanosleep with tv_nsec = 1e9: EINVAL");
	check(syscall(SYS_nanosleep, (void *)16, NULL) < 0 && errno == EFAULT,
	      "nanosleep with a bad pointer: EFAULT");
	check(clock_gettime(12345, &a) < 0 && errno == EINVAL,
	      "an unknown clock: EINVAL");
	for (unsigned long i = 0; i < 50000000; i++)
		spin += i;
	check(times(&t) != (clock_t)-1 && t.tms_utime + t.tms_stime >= 0,
	      "times");
	check(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_minflt > 0,
	      "getrusage counts this process's page faults");
	check(getrusage(99, &ru) < 0 && errno == EINVAL,
	      "getrusage(99): EINVAL");
	check(uname(&u) == 0 && u.machine[0] && !strcmp(u.sysname, "Linux"),
	      "uname: the system calls itself Linux");
	test_usage();
	printf("t_time: %d failed\n", failures);
	return failures != 0;
}
