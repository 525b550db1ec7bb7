/* tests/guest/t_wait.c — the wait family (spec §5) and job control,
 * compared with Linux: WUNTRACED and WCONTINUED with their statuses,
 * SIGCHLD's CLD_STOPPED/CLD_CONTINUED, waitid's idtypes, siginfo,
 * WNOWAIT and WNOHANG, waiting on a process group, and the errors.
 * try: /tests/t_wait */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;
static volatile int chld_code;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	failures += !ok;
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	chld_code = si->si_code;
}

static pid_t spawn_sleeper(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static pid_t spawn_exit(int code)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

static void test_stop_continue(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	pid_t pid = spawn_sleeper();
	int st;

	sa.sa_sigaction = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
	kill(pid, SIGSTOP);
	check(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) &&
	      WSTOPSIG(st) == SIGSTOP, "WUNTRACED reports the stop, status 0x137f");
	check(chld_code == CLD_STOPPED, "SIGCHLD with CLD_STOPPED");
	check(waitpid(pid, &st, WUNTRACED | WNOHANG) == 0,
	      "a stop is reported once");
	kill(pid, SIGCONT);
	check(waitpid(pid, &st, WCONTINUED) == pid && WIFCONTINUED(st),
	      "WCONTINUED reports the continue, status 0xffff");
	kill(pid, SIGTERM);
	check(waitpid(pid, &st, 0) == pid && WTERMSIG(st) == SIGTERM,
	      "then SIGTERM ends it");
	signal(SIGCHLD, SIG_DFL);
}

/* A stop does not cut a sleep short (nanosleep(2)): after SIGCONT the
 * call goes on to its deadline through restart_syscall, with no EINTR. */
static void test_sleep_survives_stop(void)
{
	struct timespec step = { 0, 100000000 };
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct timespec ts = { 0, 400000000 }, rem;

		_exit(nanosleep(&ts, &rem) == 0 ? 0 : errno);
	}
	nanosleep(&step, NULL);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	nanosleep(&step, NULL);
	kill(pid, SIGCONT);
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	      WEXITSTATUS(st) == 0,
	      "a sleep stopped and continued ends normally, no EINTR");
}

static void test_waitid(void)
{
	siginfo_t si;
	pid_t pid = spawn_exit(7);

	memset(&si, 0xff, sizeof(si));
	check(waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0 && si.si_pid == pid &&
	      si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_status == 7,
	      "waitid P_PID WNOWAIT: CLD_EXITED, si_status 7");
	check(waitid(P_ALL, 0, &si, WEXITED) == 0 && si.si_pid == pid,
	      "WNOWAIT left it waitable: P_ALL reaps it");
	pid = spawn_sleeper();
	memset(&si, 0xff, sizeof(si));
	check(waitid(P_PID, pid, &si, WEXITED | WNOHANG) == 0 && si.si_pid == 0 &&
	      si.si_signo == 0, "WNOHANG with nothing to report: a zeroed siginfo");
	kill(pid, SIGKILL);
	check(waitid(P_PGID, 0, &si, WEXITED) == 0 && si.si_code == CLD_KILLED &&
	      si.si_status == SIGKILL, "P_PGID 0 (our group): CLD_KILLED, SIGKILL");
	check(waitid(P_ALL, 0, &si, WNOHANG) < 0 && errno == EINVAL,
	      "waitid without WEXITED|WSTOPPED|WCONTINUED: EINVAL");
	check(waitid(P_PID, 0, &si, WEXITED) < 0 && errno == EINVAL,
	      "waitid P_PID 0: EINVAL");
	check(waitid(7, 0, &si, WEXITED) < 0 && errno == EINVAL,
	      "waitid with an unknown idtype: EINVAL");
}

static void test_groups_and_errors(void)
{
	int st;
	pid_t a, b;

	a = spawn_exit(1);
	setpgid(a, a);
	b = spawn_exit(2);
	check(waitpid(-a, &st, 0) == a && WEXITSTATUS(st) == 1,
	      "waitpid(-pgid) takes the child in that group");
	check(waitpid(0, &st, 0) == b && WEXITSTATUS(st) == 2,
	      "waitpid(0) takes one in ours");
	check(waitpid(INT_MIN, &st, 0) < 0 && errno == ESRCH, "pid INT_MIN: ESRCH");
	check(waitpid(1, &st, WNOHANG) < 0 && errno == ECHILD,
	      "waiting for init: ECHILD");
	check(waitpid(-1, &st, WEXITED) < 0 && errno == EINVAL,
	      "wait4 with WEXITED: EINVAL");
}

static int hup_fd;

static void on_hup(int sig)
{
	(void)sig;
	write(hup_fd, "H", 1);
}

/* orphan_body — in a new session: C leads a process group whose other
 * member G is stopped; when C exits the group is orphaned, and G must
 * get SIGHUP then SIGCONT (POSIX 2.4.3). */
static void orphan_body(void)
{
	int fds[2], st;
	char c = 0;
	pid_t cpid;

	setsid();
	pipe(fds);
	hup_fd = fds[1];
	cpid = fork();
	if (cpid == 0) {
		setpgid(0, 0);
		if (fork() == 0) {
			signal(SIGHUP, on_hup);
			raise(SIGSTOP);
			_exit(0);
		}
		while (1) {	/* wait until G is stopped, then leave */
			if (waitpid(-1, &st, WUNTRACED) > 0 && WIFSTOPPED(st))
				_exit(0);
		}
	}
	waitpid(cpid, &st, 0);
	close(fds[1]);
	_exit(read(fds[0], &c, 1) == 1 && c == 'H' ? 0 : 1);
}

static void test_orphaned_pgrp(void)
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		orphan_body();
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a stopped member of a newly orphaned group gets SIGHUP");
}

int main(void)
{
	setpgid(0, 0);
	test_stop_continue();
	test_sleep_survives_stop();
	test_waitid();
	test_groups_and_errors();
	test_orphaned_pgrp();
	printf("t_wait: %d failed\n", failures);
	return failures != 0;
}
