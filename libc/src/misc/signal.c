/* libc/src/misc/signal.c — kill, raise, the mask calls, sigaltstack, sigset_t
 * helpers (sigset_t is the kernel's 64-bit mask on i386), pause, and the
 * process-group calls. */
#include <signal.h>
#include <unistd.h>
#include "../internal.h"

int kill(pid_t pid, int sig)
{
	return __SC(2, __NR_kill, pid, sig);
}

int raise(int sig)
{
	return __SC(3, __NR_tgkill, getpid(), gettid(), sig);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __SC(4, __NR_rt_sigprocmask, how, (long)set, (long)old, 8);
}

int sigpending(sigset_t *set)
{
	return __SC(2, __NR_rt_sigpending, (long)set, 8);
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __SC(2, __NR_sigaltstack, (long)ss, (long)old);
}

int sigsuspend(const sigset_t *mask)
{
	return __SC_CP(__NR_rt_sigsuspend, mask, 8, 0, 0);
}

int pause(void)
{
	return __SC_CP(__NR_pause, 0, 0, 0, 0);
}

static int bad(int sig)
{
	if (sig < 1 || sig > 64) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0ULL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	*set |= 1ULL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	*set &= ~(1ULL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	return bad(sig) ? -1 : !!(*set & (1ULL << (sig - 1)));
}

int setpgid(pid_t pid, pid_t pgid)
{
	return __SC(2, __NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return __SC(1, __NR_getpgid, pid);
}

pid_t getpgrp(void)
{
	return __syscall0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return __SC(0, __NR_setsid);
}

pid_t getsid(pid_t pid)
{
	return __SC(1, __NR_getsid, pid);
}
