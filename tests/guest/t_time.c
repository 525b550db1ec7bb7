/* tests/guest/t_time.c — clocks and sleeping: time, gettimeofday,
 * clock_gettime, nanosleep, times, getrusage and uname's shape. Only
 * relations are printed (a sleep is at least as long as asked; clocks do
 * not go back), never the times themselves. try: /tests/t_time */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	failures += !ok;
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
	check(nanosleep((struct timespec *)16, NULL) < 0 && errno == EFAULT,
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
	check(uname(&u) == 0 && u.machine[0] && u.sysname[0], "uname");
	printf("t_time: %d failed\n", failures);
	return failures != 0;
}
