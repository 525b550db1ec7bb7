/* sys/time.h — gettimeofday(2). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <linux/time.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

int gettimeofday(struct timeval *tv, void *tz);
int setitimer(int which, const struct itimerval *v, struct itimerval *old);
int getitimer(int which, struct itimerval *v);
int utimes(const char *path, const struct timeval times[2]);

#endif
