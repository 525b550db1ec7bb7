/* libc/src/thread/cancel.c — pthread_cancel and the cancellation points.
 *
 * pthread_cancel sets the target's flag and sends it SIGCANCEL. Deferred
 * cancellation (the default) acts only at a cancellation point: the
 * blocking calls routed through __syscall_cp (read, write, nanosleep and
 * sleep, wait/waitpid/wait4/waitid, pause, sigsuspend, poll, ppoll,
 * select; pselect checks on entry), pthread_join,
 * pthread_cond_wait/timedwait and pthread_testcancel. Asynchronous
 * cancellation acts in the signal handler itself. Acting means
 * pthread_exit(PTHREAD_CANCELED): cleanup handlers, then TSD destructors. */
#include <signal.h>
#include "pthread_impl.h"
#include "../internal.h"

long __syscall_cp_asm(volatile int *cancel, long nr, long a, long b,
		      long c, long d, long e);
extern const char __cp_begin[], __cp_end[], __cp_cancel[];

_Noreturn void __cancel(void)
{
	pthread_exit(PTHREAD_CANCELED);
}

long __syscall_cp(long nr, long a, long b, long c, long d, long e)
{
	struct pthread *self = __pthread_self();
	long r;

	if (self->canceldisable)
		return __syscall5(nr, a, b, c, d, e);
	r = __syscall_cp_asm(&self->cancel, nr, a, b, c, d, e);
	if (r == -EINTR && self->cancel && !self->canceldisable)
		__cancel();
	return r;
}

void __testcancel(void)
{
	struct pthread *self = __pthread_self();

	if (self->cancel && !self->canceldisable)
		__cancel();
}

void pthread_testcancel(void)
{
	__testcancel();
}

#define REG_EIP	14	/* in uc_mcontext.gregs (Linux asm/sigcontext.h) */

/* cancel_handler — uc points at the interrupted ucontext: uc_flags,
 * uc_link, uc_stack (3 words), then the registers. */
static void cancel_handler(int sig, siginfo_t *si, void *uc)
{
	struct pthread *self = __pthread_self();
	unsigned long *eip = (unsigned long *)uc + 5 + REG_EIP;
	sigset_t set = 1ULL << (SIGCANCEL - 1);

	(void)sig;
	(void)si;
	if (!self->cancel || self->canceldisable)
		return;
	if (self->canceltype == PTHREAD_CANCEL_ASYNCHRONOUS) {
		__syscall4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)&set, 0, 8);
		__cancel();
	}
	if (*eip >= (unsigned long)__cp_begin && *eip < (unsigned long)__cp_end)
		*eip = (unsigned long)__cp_cancel;
}

static void install_handler(void)
{
	static volatile int done;
	struct sigaction sa = { 0 };

	if (done)
		return;
	sa.sa_sigaction = cancel_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigfillset(&sa.sa_mask);
	sigaction(SIGCANCEL, &sa, NULL);
	done = 1;
}

int pthread_cancel(pthread_t t)
{
	struct pthread *th = (struct pthread *)t;

	install_handler();
	th->cancel = 1;
	if (th == __pthread_self()) {
		if (th->canceltype == PTHREAD_CANCEL_ASYNCHRONOUS)
			__testcancel();
		return 0;
	}
	return pthread_kill(t, SIGCANCEL);
}

int pthread_setcancelstate(int state, int *old)
{
	struct pthread *self = __pthread_self();

	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = self->canceldisable;
	self->canceldisable = state;
	if (self->canceltype == PTHREAD_CANCEL_ASYNCHRONOUS)
		__testcancel();
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	struct pthread *self = __pthread_self();

	if (type != PTHREAD_CANCEL_DEFERRED &&
	    type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = self->canceltype;
	self->canceltype = type;
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__testcancel();
	return 0;
}

void _pthread_cleanup_push(struct __ptcb *cb, void (*f)(void *), void *x)
{
	struct pthread *self = __pthread_self();

	cb->__f = f;
	cb->__x = x;
	cb->__next = self->cleanup;
	self->cleanup = cb;
}

void _pthread_cleanup_pop(struct __ptcb *cb, int run)
{
	__pthread_self()->cleanup = cb->__next;
	if (run)
		cb->__f(cb->__x);
}
