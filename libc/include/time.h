/* time.h — clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <linux/time.h>

typedef int clockid_t;

time_t time(time_t *t);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clk, struct timespec *ts);

#endif
