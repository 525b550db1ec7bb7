/* linux/time.h — the kernel's time structures on i386 (32-bit time_t). */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

/* the clocks of clock_gettime(2), the kernel's and libc's alike */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2	/* the process's CPU time */
#define CLOCK_THREAD_CPUTIME_ID		3	/* the calling thread's */
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define TIMER_ABSTIME			1

#endif
