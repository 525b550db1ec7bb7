/* user/bin/init.c — pid 1. Linux's init duties, in small:
 * - run /etc/rc if there is one, then an interactive /bin/sh; or, when
 *   the kernel command line ends in "-- prog args", run just that;
 * - reap every orphan the kernel hands it (wait() in a loop);
 * - when the shell (or prog) ends, write the disk back and power off.
 * try: make run (the shell), or CMDLINE="-- /bin/echo hi" make run-kernel */
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const shell[] = { "/bin/sh", NULL };
static char *const rc[] = { "/bin/sh", "/etc/rc", NULL };

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (pid < 0)
		perror("init: fork");
	return pid;
}

/* run — start argv and reap children until it is the one that ends. */
static int run(char *const argv[])
{
	pid_t pid = spawn(argv), w;
	int status = 0;

	while (pid > 0 && (w = wait(&status)) != pid)
		if (w < 0)
			break;
	return status;
}

int main(int argc, char **argv)
{
	int status;

	if (getpid() != 1) {
		fprintf(stderr, "init: must be run as process 1\n");
		return 1;
	}
	if (argc > 1) {
		status = run(argv + 1);
		if (WIFSIGNALED(status))
			printf("init: %s killed by signal %d\n", argv[1],
			       WTERMSIG(status));
		else
			printf("init: %s exited with status %d\n", argv[1],
			       WEXITSTATUS(status));
	} else {
		if (access("/etc/rc", R_OK) == 0)
			run(rc);
		run(shell);
	}
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
