/* libc/src/stdlib/system.c — system(3) as POSIX describes it: the
 * caller ignores SIGINT and SIGQUIT and blocks SIGCHLD while the child
 * "/bin/sh -c command" runs; the child gets the caller's original
 * dispositions and mask back before the exec. system(NULL) asks whether
 * a shell exists. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int system(const char *command)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigset_t chld = 1ULL << (SIGCHLD - 1), omask;
	int status = -1;
	pid_t pid;

	if (!command)
		return access("/bin/sh", X_OK) == 0;
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	sigprocmask(SIG_BLOCK, &chld, &omask);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		sigprocmask(SIG_SETMASK, &omask, NULL);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	return pid < 0 ? -1 : status;
}
