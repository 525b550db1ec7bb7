/* libc/src/stdio/popen.c — popen, pclose and system (POSIX): a child
 * runs "/bin/sh -c command" with one end of a pipe as its stdin or
 * stdout. popen uses vfork: the child only dup2s and execs. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "stdio_impl.h"

FILE *popen(const char *command, const char *mode)
{
	int p[2], child_end, parent_end, rd = mode[0] == 'r';
	pid_t pid;
	FILE *f;

	if ((mode[0] != 'r' && mode[0] != 'w') || mode[1]) {
		errno = EINVAL;
		return NULL;
	}
	if (pipe2(p, O_CLOEXEC))
		return NULL;
	child_end = p[rd ? 1 : 0];
	parent_end = p[rd ? 0 : 1];
	pid = vfork();
	if (pid == 0) {
		int target = rd ? 1 : 0;

		/* the copy dup2 makes is not close-on-exec; the pipe's own
		 * end already in place must lose the flag by hand */
		if (child_end == target ? fcntl(target, F_SETFD, 0) == 0 :
					  dup2(child_end, target) == target)
			execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(child_end);
	if (pid < 0 || !(f = __fdopen(parent_end, rd ? O_RDONLY : O_WRONLY))) {
		close(parent_end);
		return NULL;
	}
	f->pid = pid;
	return f;
}

int pclose(FILE *f)
{
	pid_t pid = f->pid;
	int status;

	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
