/* kernel/task/time.h — time values inside the kernel, and the two forms
 * user space passes them in. Linux include/linux/time64.h. i386 has the
 * old struct timespec (32-bit seconds, overflowing in 2038) and, since
 * Linux 5.1, the *_time64 calls with struct __kernel_timespec (64-bit
 * seconds); glibc 2.34 and later use the time64 calls first. */
#ifndef CLONIX_TIME_H
#define CLONIX_TIME_H

#include "../lib/jiffies.h"
#include "../lib/kernel.h"
#include <linux/time.h>		/* the clock ids */

#define NSEC_PER_SEC	1000000000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)


struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

int get_timespec64(struct timespec64 *ts, const void *uts, bool time64);
int put_timespec64(const struct timespec64 *ts, void *uts, bool time64);
bool timespec64_valid(const struct timespec64 *ts);
int clock_now(int clock, struct timespec64 *ts);
u64 deadline_after(const struct timespec64 *ts);
int deadline_at(int clock, const struct timespec64 *ts, u64 *expires);

#endif
