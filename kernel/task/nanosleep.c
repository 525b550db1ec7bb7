/* kernel/task/nanosleep.c — sleeping for a time or until one: nanosleep,
 * clock_nanosleep and its time64 form; Linux kernel/time/hrtimer.c
 * (hrtimer_nanosleep, do_nanosleep) and posix-timers.c. Sleeps end on a
 * tick (HZ = 100): a sleep is never shorter than asked, and rarely more
 * than a tick longer. */
#include "time.h"
#include "signal.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

static long nanosleep_restart(struct restart_block *rb);

/* do_nanosleep — sleep until the tick `expires`. Interrupted, a relative
 * sleep says how much was left (urem, in the caller's form) and returns
 * ERESTART_RESTARTBLOCK: EINTR if a handler runs, or, after a stop and
 * SIGCONT, restart_syscall sleeps on to the same deadline. An absolute
 * sleep just starts again (ERESTARTNOHAND): its deadline is its own. */
static long do_nanosleep(u64 expires, bool abs, void *urem, bool time64)
{
	u64 now;
	int err;

	while ((now = get_jiffies_64()) < expires && !signal_pending(current)) {
		u64 left = expires - now;

		current->state = TASK_INTERRUPTIBLE;
		schedule_timeout(left > 0x7fffffff ? 0x7fffffff : (long)left);
	}
	if (now >= expires)
		return 0;
	if (abs)
		return -ERESTARTNOHAND;
	if (urem) {
		u64 left = expires - now;
		struct timespec64 rem = { left / HZ, (left % HZ) * NSEC_PER_TICK };

		if ((err = put_timespec64(&rem, urem, time64)))
			return err;
	}
	current->restart_block = (struct restart_block){
		.fn = nanosleep_restart, .expires = expires,
		.nanosleep = { urem, time64 } };
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->expires, false, rb->nanosleep.urem,
			    rb->nanosleep.time64);
}

/* sys_restart_syscall — what an interrupted call left to do; EINTR when
 * a handler has run since (Linux do_no_restart_syscall). */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;

	return rb->fn ? rb->fn(rb) : -EINTR;
}

/* sys_nanosleep — a relative sleep on CLOCK_MONOTONIC. */
long sys_nanosleep(const void *ureq, void *urem)
{
	struct timespec64 req;

	if (get_timespec64(&req, ureq, false))
		return -EFAULT;
	if (!timespec64_valid(&req))
		return -EINVAL;
	if (!req.tv_sec && !req.tv_nsec) {
		yield();
		return 0;
	}
	return do_nanosleep(deadline_after(&req), false, urem, false);
}

/* do_clock_nanosleep — the checks of clock_nanosleep(2) in Linux's order:
 * the clock (a thread's CPU clock cannot be slept on), then the request.
 * The process CPU clock is refused too: clonix sleeps only on the wall
 * and monotonic clocks. */
static long do_clock_nanosleep(int clock, int flags, const void *ureq,
			       void *urem, bool time64)
{
	struct timespec64 req, now;
	u64 expires;

	if (clock_now(clock, &now) || clock == CLOCK_THREAD_CPUTIME_ID ||
	    clock == CLOCK_PROCESS_CPUTIME_ID)
		return -EINVAL;
	if (get_timespec64(&req, ureq, time64))
		return -EFAULT;
	if (!timespec64_valid(&req))
		return -EINVAL;
	if (!(flags & TIMER_ABSTIME))
		return do_nanosleep(deadline_after(&req), false, urem, time64);
	deadline_at(clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE ?
		    CLOCK_REALTIME : CLOCK_MONOTONIC, &req, &expires);
	return do_nanosleep(expires, true, NULL, time64);
}

long sys_clock_nanosleep(int clock, int flags, const void *ureq, void *urem)
{
	return do_clock_nanosleep(clock, flags, ureq, urem, false);
}

long sys_clock_nanosleep_time64(int clock, int flags, const void *ureq,
				void *urem)
{
	return do_clock_nanosleep(clock, flags, ureq, urem, true);
}
