/* kernel/task/time.c — the clocks user space reads; Linux
 * kernel/time/time.c, posix-timers.c, posix-cpu-timers.c, kernel/sys.c
 * (times). Wall time is the RTC at boot plus the ticks since; CPU time is
 * charged tick by tick to the running task (utime or stime). */
#include "time.h"
#include "signal.h"
#include "../drivers/timer.h"	/* uptime_us: the clock under the tick */
#include "../fs/fs.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/time.h>

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/* struct __kernel_timespec: the time64 calls' form on every architecture */
struct kernel_timespec {
	s64 tv_sec;
	s64 tv_nsec;
};

/* get_timespec64 — read either user form. In the time64 form a 32-bit
 * kernel keeps only the low half of tv_nsec (Linux get_timespec64). */
int get_timespec64(struct timespec64 *ts, const void *uts, bool time64)
{
	struct kernel_timespec k;
	struct timespec old;

	if (time64) {
		if (copy_from_user(&k, uts, sizeof(k)))
			return -EFAULT;
		*ts = (struct timespec64){ k.tv_sec, (long)k.tv_nsec };
		return 0;
	}
	if (copy_from_user(&old, uts, sizeof(old)))
		return -EFAULT;
	*ts = (struct timespec64){ old.tv_sec, old.tv_nsec };
	return 0;
}

/* put_timespec64 — write either user form; the old one cannot hold a
 * time past 2038 (Linux answers EOVERFLOW). */
int put_timespec64(const struct timespec64 *ts, void *uts, bool time64)
{
	struct kernel_timespec k = { ts->tv_sec, ts->tv_nsec };
	struct timespec old = { (long)ts->tv_sec, ts->tv_nsec };

	if (time64)
		return copy_to_user(uts, &k, sizeof(k)) ? -EFAULT : 0;
	if (old.tv_sec != ts->tv_sec)
		return -EOVERFLOW;
	return copy_to_user(uts, &old, sizeof(old)) ? -EFAULT : 0;
}

bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

static struct timespec64 ns_to_timespec64(u64 ns)
{
	return (struct timespec64){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
}

static u64 realtime_offset(void)	/* seconds from boot to the epoch */
{
	return current_time() - get_jiffies_64() / HZ;
}

/* clock_now — the time on one clock (Linux's clock ids). The CPU clocks
 * count whole ticks: the process's threads, dead or alive, or this one. */
int clock_now(int clock, struct timespec64 *ts)
{
	unsigned long t[4];
	u64 up = uptime_us() * 1000;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ts = ns_to_timespec64(up);
		ts->tv_sec += realtime_offset();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:		/* clonix never suspends */
		*ts = ns_to_timespec64(up);
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		process_times(t);
		*ts = ns_to_timespec64((u64)(t[0] + t[1]) * NSEC_PER_TICK);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ts = ns_to_timespec64((u64)(current->utime + current->stime) *
				       NSEC_PER_TICK);
		return 0;
	}
	return -EINVAL;
}

/* deadline_after — the tick a relative sleep ends at: rounded up to
 * ticks, plus one, since the current tick is already partly gone. */
u64 deadline_after(const struct timespec64 *ts)
{
	return get_jiffies_64() + (u64)ts->tv_sec * HZ +
	       (ts->tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK + 1;
}

/* deadline_at — the tick at which `clock` reads *ts or later: jiffy j
 * starts j ticks after boot, so it is ts in boot time, rounded up. */
int deadline_at(int clock, const struct timespec64 *ts, u64 *expires)
{
	s64 sec = ts->tv_sec;

	if (clock == CLOCK_REALTIME)
		sec -= realtime_offset();
	else if (clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return -EINVAL;
	if (sec < 0)
		*expires = 0;
	else
		*expires = (u64)sec * HZ + (ts->tv_nsec + NSEC_PER_TICK - 1) /
			   NSEC_PER_TICK;
	return 0;
}

long sys_time(long *tloc)
{
	long t = current_time();

	if (tloc && put_user_u32(t, (u32 *)tloc))
		return -EFAULT;
	return t;
}

long sys_gettimeofday(struct timeval *utv, void *utz)
{
	struct timespec64 ts;
	struct timeval tv;

	clock_now(CLOCK_REALTIME, &ts);
	tv.tv_sec = ts.tv_sec;
	tv.tv_usec = ts.tv_nsec / 1000;
	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && clear_user(utz, 8))
		return -EFAULT;
	return 0;
}

static long do_clock_gettime(int clock, void *uts, bool time64)
{
	struct timespec64 ts;
	int err = clock_now(clock, &ts);

	return err ? err : put_timespec64(&ts, uts, time64);
}

/* do_clock_getres — a NULL pointer is allowed (just "is it a clock?").
 * The wall and monotonic clocks count microseconds, the CPU clocks ticks. */
static long do_clock_getres(int clock, void *uts, bool time64)
{
	struct timespec64 ts = { 0, 1000 };

	if (clock_now(clock, &ts))
		return -EINVAL;
	ts = (struct timespec64){ 0, clock == CLOCK_PROCESS_CPUTIME_ID ||
		clock == CLOCK_THREAD_CPUTIME_ID ? NSEC_PER_TICK : 1000 };
	return uts ? put_timespec64(&ts, uts, time64) : 0;
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
	return do_clock_gettime(clock, uts, false);
}

long sys_clock_gettime64(int clock, void *uts)
{
	return do_clock_gettime(clock, uts, true);
}

long sys_clock_getres(int clock, struct timespec *uts)
{
	return do_clock_getres(clock, uts, false);
}

long sys_clock_getres_time64(int clock, void *uts)
{
	return do_clock_getres(clock, uts, true);
}

long sys_times(struct tms *ubuf)
{
	unsigned long ticks[4];
	struct tms t;

	process_times(ticks);
	t = (struct tms){ ticks[0], ticks[1], ticks[2], ticks[3] };

	if (ubuf && copy_to_user(ubuf, &t, sizeof(t)))
		return -EFAULT;
	return (long)get_jiffies_64();
}
