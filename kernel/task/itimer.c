/* kernel/task/itimer.c — alarm and the three interval timers; Linux
 * kernel/time/itimer.c. Each process (its signal_struct) has a real-time
 * timer on the kernel timer list, firing SIGALRM, and two CPU-time
 * counters run down by the tick, firing SIGVTALRM and SIGPROF. An
 * interval rearms each. Timers are in ticks (10 ms). */
#include "signal.h"
#include "timer.h"
#include "../lib/spinlock.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/time.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2
#define USEC_PER_TICK	(1000000 / HZ)

static DEFINE_SPINLOCK(itimer_lock);

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = t->data;
	siginfo_t info = { .si_signo = SIGALRM, .si_code = SI_KERNEL };
	struct task_struct *leader = list_first_entry(&sig->thread_head,
						      struct task_struct,
						      thread_node);

	if (sig->it_real_incr)
		mod_timer(t, get_jiffies_64() + sig->it_real_incr);
	send_signal(SIGALRM, &info, leader, true);
}

static unsigned long tv_to_ticks(const struct timeval *tv)
{
	unsigned long us = tv->tv_sec * 1000000UL + tv->tv_usec;

	return (us + USEC_PER_TICK - 1) / USEC_PER_TICK;
}

static void ticks_to_tv(struct timeval *tv, unsigned long ticks)
{
	tv->tv_sec = ticks / HZ;
	tv->tv_usec = (ticks % HZ) * USEC_PER_TICK;
}

/* get_it_real — what is left of the timer, and its interval. */
static void get_it_real(struct signal_struct *sig, struct itimerval *v)
{
	u64 now = get_jiffies_64();
	struct timer_list *t = &sig->real_timer;

	ticks_to_tv(&v->it_value, t->entry.next && t->expires > now ?
		    t->expires - now : 0);
	ticks_to_tv(&v->it_interval, sig->it_real_incr);
}

static void set_it_real(struct signal_struct *sig, unsigned long value,
			unsigned long interval)
{
	struct timer_list *t = &sig->real_timer;

	del_timer(t);
	sig->it_real_incr = interval;
	if (!value)
		return;
	timer_setup(t, it_real_fn, sig);
	mod_timer(t, get_jiffies_64() + value);
}

static void get_itimer(int which, struct itimerval *v)
{
	struct signal_struct *sig = current->signal;

	if (which == ITIMER_REAL)
		return get_it_real(sig, v);
	ticks_to_tv(&v->it_value, sig->it[which - 1].value);
	ticks_to_tv(&v->it_interval, sig->it[which - 1].incr);
}

static void set_itimer(int which, const struct itimerval *v)
{
	unsigned long value = tv_to_ticks(&v->it_value);
	unsigned long incr = tv_to_ticks(&v->it_interval);
	u32 flags;

	if (which == ITIMER_REAL)
		return set_it_real(current->signal, value, incr);
	flags = spin_lock_irqsave(&itimer_lock);	/* the tick counts too */
	current->signal->it[which - 1] = (struct cpu_itimer){ value, incr };
	spin_unlock_irqrestore(&itimer_lock, flags);
}

static bool bad_timeval(const struct timeval *tv)
{
	return tv->tv_usec < 0 || tv->tv_usec >= 1000000 || tv->tv_sec < 0;
}

/* setitimer(2): ITIMER_REAL counts wall time, ITIMER_VIRTUAL the
 * process's user time, ITIMER_PROF its user and system time. */
long sys_setitimer(int which, const struct itimerval *unew,
		   struct itimerval *uold)
{
	struct itimerval v, old;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (unew && copy_from_user(&v, unew, sizeof(v)))
		return -EFAULT;
	if (unew && (bad_timeval(&v.it_value) || bad_timeval(&v.it_interval)))
		return -EINVAL;
	get_itimer(which, &old);
	if (unew)
		set_itimer(which, &v);
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct itimerval *uv)
{
	struct itimerval v;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	get_itimer(which, &v);
	return copy_to_user(uv, &v, sizeof(v)) ? -EFAULT : 0;
}

/* account_itimers — from the tick: a tick of the task's CPU time runs
 * down the group's virtual (user ticks only) and profiling timers. */
void account_itimers(struct task_struct *tsk, bool user)
{
	static const int signo[2] = { SIGVTALRM, SIGPROF };
	struct signal_struct *sig = tsk->signal;

	for (int i = 0; sig && i < 2; i++) {
		struct cpu_itimer *it = &sig->it[i];
		siginfo_t info = { .si_signo = signo[i], .si_code = SI_KERNEL };

		if (!it->value || (i == 0 && !user) || --it->value)
			continue;
		it->value = it->incr;
		send_signal(signo[i], &info, tsk, true);
	}
}

/* sys_alarm — seconds left of the previous alarm, rounded (alarm(2)). */
long sys_alarm(unsigned int seconds)
{
	struct itimerval old;

	get_it_real(current->signal, &old);
	set_it_real(current->signal, (unsigned long)seconds * HZ, 0);
	return old.it_value.tv_sec + (old.it_value.tv_usec >= 500000 ||
				      (!old.it_value.tv_sec &&
				       old.it_value.tv_usec));
}

/* exit_itimers — the group is gone: no timer may fire on it. */
void exit_itimers(struct signal_struct *sig)
{
	del_timer(&sig->real_timer);
}
