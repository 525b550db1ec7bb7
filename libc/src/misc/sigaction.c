/* libc/src/misc/sigaction.c — sigaction(2) through rt_sigaction, and
 * signal(2) with BSD semantics (SA_RESTART), as glibc. struct sigaction
 * here has the kernel's i386 layout, so it is passed as it is. */
#include <signal.h>
#include "../internal.h"

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	return __SC(4, __NR_rt_sigaction, sig, (long)act, (long)old, 8);
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_flags = SA_RESTART }, old;

	sa.sa_handler = handler;

	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
