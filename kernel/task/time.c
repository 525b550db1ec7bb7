/* kernel/task/time.c — the clocks user space reads, and sleeping;
 * Linux kernel/time/time.c, posix-timers.c, hrtimer.c (nanosleep),
 * kernel/sys.c (times). Wall time is the RTC at boot plus the ticks since;
 * CPU time is charged tick by tick to the running task (utime or stime). */
#include "signal.h"
#include "../drivers/timer.h"
#include "../fs/fs.h"
#include "../mm/uaccess.h"
#include <asm/errno.h>
#include <linux/time.h>

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

long sys_time(long *tloc)
{
	long t = current_time();

	if (tloc && put_user_u32(t, (u32 *)tloc))
		return -EFAULT;
	return t;
}

static void now(struct timespec *ts, bool monotonic)
{
	u64 us = uptime_us();

	ts->tv_sec = us / 1000000 + (monotonic ? 0 : current_time() -
				     get_jiffies_64() / HZ);
	ts->tv_nsec = (us % 1000000) * 1000;
}

long sys_gettimeofday(struct timeval *utv, void *utz)
{
	struct timespec ts;
	struct timeval tv;

	now(&ts, false);
	tv.tv_sec = ts.tv_sec;
	tv.tv_usec = ts.tv_nsec / 1000;
	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && clear_user(utz, 8))
		return -EFAULT;
	return 0;
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
	struct timespec ts;

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return -EINVAL;
	now(&ts, clock == CLOCK_MONOTONIC);
	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_getres(int clock, struct timespec *uts)
{
	struct timespec ts = { 0, 1000 };

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return -EINVAL;
	if (uts && copy_to_user(uts, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/* do_nanosleep — sleep until the tick expires. Interrupted, it says how
 * much was left and returns ERESTART_RESTARTBLOCK: EINTR if a handler
 * runs, or, after a stop and SIGCONT, restart_syscall sleeps on to the
 * same deadline (nanosleep(2)). */
static long nanosleep_restart(struct restart_block *rb);

static long do_nanosleep(u64 expires, struct timespec *urem)
{
	u64 now;

	while ((now = get_jiffies_64()) < expires && !signal_pending(current)) {
		u64 left = expires - now;

		current->state = TASK_INTERRUPTIBLE;
		schedule_timeout(left > 0x7fffffff ? 0x7fffffff : (long)left);
	}
	if (now < expires) {
		u64 left = expires - now;
		struct timespec rem = { left / HZ, (left % HZ) * 10000000 };

		if (urem && copy_to_user(urem, &rem, sizeof(rem)))
			return -EFAULT;
		current->restart_block = (struct restart_block){
			nanosleep_restart, expires, urem };
		return -ERESTART_RESTARTBLOCK;
	}
	return 0;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->expires, rb->urem);
}

/* sys_restart_syscall — what an interrupted call left to do; EINTR when
 * a handler has run since (Linux do_no_restart_syscall). */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;

	return rb->fn ? rb->fn(rb) : -EINTR;
}

/* sys_nanosleep — sleep at least the time asked: rounded up to ticks,
 * plus one, since the current tick is already partly gone. */
long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
	struct timespec req;
	u64 ticks;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000)
		return -EINVAL;
	if (!req.tv_sec && !req.tv_nsec) {
		yield();
		return 0;
	}
	ticks = (u64)req.tv_sec * HZ + (req.tv_nsec + 9999999) / 10000000 + 1;
	return do_nanosleep(get_jiffies_64() + ticks, urem);
}

void process_times(unsigned long t[4]);

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
