/* tests/guest/t_rlimit.c — resource limits, compared with Linux (as
 * root): getrlimit/setrlimit/prlimit rules, RLIMIT_NOFILE ending open
 * and dup in EMFILE/EBADF/EINVAL, RLIMIT_NPROC ending fork in EAGAIN for
 * a non-root user, limits inherited by a child and kept across exec.
 * No limit's value is printed: the host's defaults are its own.
 * try: /tests/t_rlimit */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static const char *self;

static int in_child(void (*body)(void))
{
	int st = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		failures = 0;
		body();
		fflush(stdout);
		_exit(failures);
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100;
}

static void rules_body(void)
{
	struct rlimit r, bad;
	struct rlimit64 r64;

	check(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur <= r.rlim_max,
	      "getrlimit: soft <= hard");
	check(getrlimit(99, &r) < 0 && errno == EINVAL, "resource 99: EINVAL");
	check(getrlimit(RLIMIT_CORE, (void *)8) < 0 && errno == EFAULT,
	      "a bad pointer: EFAULT");
	bad = (struct rlimit){ 20, 10 };
	check(setrlimit(RLIMIT_NOFILE, &bad) < 0 && errno == EINVAL,
	      "soft above hard: EINVAL");
	r = (struct rlimit){ 16, 32 };
	check(setrlimit(RLIMIT_NOFILE, &r) == 0, "root lowers NOFILE to 16/32");
	check(prlimit64(0, RLIMIT_NOFILE, NULL, &r64) == 0 && r64.rlim_cur == 16 &&
	      r64.rlim_max == 32, "prlimit reads 16/32 back");
	setuid(1000);
	r = (struct rlimit){ 16, 64 };
	check(setrlimit(RLIMIT_NOFILE, &r) < 0 && errno == EPERM,
	      "not root: raising the hard limit is EPERM");
	r = (struct rlimit){ 32, 32 };
	check(setrlimit(RLIMIT_NOFILE, &r) == 0, "... raising the soft one is not");
	check(prlimit64(1, RLIMIT_NOFILE, NULL, &r64) < 0 && errno == EPERM,
	      "prlimit on init's limits: EPERM");
}

static void nofile_body(void)
{
	struct rlimit r = { 8, 8 };
	int fd, n = 0;

	for (fd = 3; fd < 64; fd++)
		close(fd);
	setrlimit(RLIMIT_NOFILE, &r);
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		n++;
	check(errno == EMFILE && n == 5, "NOFILE 8: five opens after 0-2, "
	      "then EMFILE");
	check(dup(0) < 0 && errno == EMFILE, "dup: EMFILE");
	check(dup2(0, 8) < 0 && errno == EBADF, "dup2 to fd 8: EBADF");
	check(fcntl(0, F_DUPFD, 8) < 0 && errno == EINVAL,
	      "F_DUPFD from 8: EINVAL");
	check(dup2(0, 7) == 7, "dup2 to fd 7 (below the limit) works");
}

static void nproc_body(void)
{
	struct rlimit r = { 3, 3 };
	pid_t kids[3];
	int made = 0, err = 0;

	setuid(54321);			/* a user with no other processes */
	setrlimit(RLIMIT_NPROC, &r);
	for (int i = 0; i < 3; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			pause();
			_exit(0);
		}
		if (kids[i] > 0)
			made++;
		else
			err = errno;
	}
	check(made == 2 && err == EAGAIN,
	      "NPROC 3: us and two children, then fork fails with EAGAIN");
	for (int i = 0; i < 3; i++)
		if (kids[i] > 0) {
			kill(kids[i], SIGKILL);
			waitpid(kids[i], NULL, 0);
		}
	kids[0] = fork();
	if (kids[0] == 0)
		_exit(0);
	check(kids[0] > 0, "once they are reaped, fork works again");
	waitpid(kids[0], NULL, 0);
}

static void exec_body(void)
{
	struct rlimit r = { 12, 40 };
	char *argv[] = { (char *)self, "after-exec", NULL };

	setrlimit(RLIMIT_NOFILE, &r);
	execv(self, argv);
	_exit(99);
}

static int after_exec(void)
{
	struct rlimit r;

	getrlimit(RLIMIT_NOFILE, &r);
	return r.rlim_cur == 12 && r.rlim_max == 40 ? 0 : 1;
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "after-exec"))
		return after_exec();
	check(in_child(rules_body) == 0, "the rules (in a child)");
	check(in_child(nofile_body) == 0, "RLIMIT_NOFILE (in a child)");
	check(in_child(nproc_body) == 0, "RLIMIT_NPROC (in a child)");
	check(in_child(exec_body) == 0, "limits are kept across exec");
	printf("t_rlimit: %d failed\n", failures);
	return failures != 0;
}
