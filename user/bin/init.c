/* user/bin/init.c — pid 1. Linux's init duties, in small:
 * - run /etc/rc if there is one, then an interactive /bin/sh; or, when
 *   the kernel command line ends in "-- prog args", run just that;
 * - reap every orphan the kernel hands it (wait() in a loop);
 * - when the shell (or prog) ends, write the disk back and power off;
 * - around a prog, compare the kernel's counters (/dev/kstat): once it
 *   and all it started are reaped, nothing may be left allocated.
 * try: make run (the shell), or CMDLINE="-- /bin/echo hi" make run-kernel */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kstat.h"

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

/* leak_check — every object kind with created/destroyed counters must
 * have as many in use (alive, less what caches keep) as before; the
 * caches themselves may differ. A leak is reported by the object's name. */
static void leak_check(const char *before, const char *after)
{
	const char *l = before;
	int leaks = 0, len;
	long b, a;

	for (; (l = kstat_next_leak(l, after, &len, &b, &a));
	     l = kstat_next_line(l), leaks++)
		printf("init: leak: %.*s: %ld in use before, %ld after\n", len,
		       l, b, a);
	if (!leaks && *before)
		printf("init: leak check: nothing left allocated\n");
}

static void on_alarm(int sig)
{
	(void)sig;	/* only to end the wait below */
}

/* reap_all — after the program: wait for what it left behind (orphans
 * are init's children now), for up to ten seconds; a leak check before
 * they are gone would count them. Returns how many are still running. */
static int reap_all(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	int st, left = 0;
	char line[128];
	FILE *f;

	sigaction(SIGALRM, &sa, NULL);
	alarm(10);
	while (wait(&st) > 0 || errno != ECHILD)
		if (errno == EINTR)
			break;
	alarm(0);
	if (errno == ECHILD)
		return 0;
	f = fopen("/dev/tasks", "r");
	while (f && fgets(line, sizeof(line), f))
		left += strtol(line + 12, NULL, 10) == 1;	/* PPID 1 */
	if (f)
		fclose(f);
	return left;
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
		char before[KSTAT_MAX], after[KSTAT_MAX];
		int left;

		kstat_read(after);		/* the same stack pages as later */
		kstat_read(before);
		status = run(argv + 1);
		left = reap_all();
		kstat_read(after);
		if (WIFSIGNALED(status))
			printf("init: %s killed by signal %d\n", argv[1],
			       WTERMSIG(status));
		else
			printf("init: %s exited with status %d\n", argv[1],
			       WEXITSTATUS(status));
		if (left)
			printf("init: leak: %d processes still running 10 s "
			       "after %s ended\n", left, argv[1]);
		leak_check(before, after);
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
