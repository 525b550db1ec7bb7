/* libc/src/stdlib/abort.c — abort(3) and assert's failure. abort ends
 * the process with SIGABRT even if it is caught or blocked: after a
 * handler returns, the default action is put back and it is raised again. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void abort(void)
{
	sigset_t abrt = 0;

	sigaddset(&abrt, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &abrt, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);			/* not reached */
}

void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s:%u: %s: Assertion `%s' failed.\n",
		program_invocation_short_name, file, line, func, expr);
	abort();
}
