/* libc/src/thread/signal.c — signals and threads: pthread_sigmask (the
 * mask is per thread: rt_sigprocmask acts on the caller only),
 * and pthread_kill (tgkill to one thread of our group). fork and
 * pthread_atfork are libc/src/process/fork.c's. */
#include <signal.h>
#include <unistd.h>
#include "pthread_impl.h"
#include "../internal.h"

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return -__syscall4(__NR_rt_sigprocmask, how, (long)set, (long)old, 8);
}

int pthread_kill(pthread_t t, int sig)
{
	int tid = ((struct pthread *)t)->tid;

	if (sig < 0 || sig > 64)
		return EINVAL;
	if (!tid)			/* ended, not yet joined */
		return ESRCH;
	return -__syscall3(__NR_tgkill, __syscall0(__NR_getpid), tid, sig);
}
