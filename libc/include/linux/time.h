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

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1

#endif
