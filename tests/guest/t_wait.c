/* tests/guest/t_wait.c — the wait family (spec §5) and job control,
 * compared with Linux: WUNTRACED and WCONTINUED with their statuses,
 * SIGCHLD's CLD_STOPPED/CLD_CONTINUED, waitid's idtypes, siginfo,
 * WNOWAIT and WNOHANG, waiting on a process group, and the errors; a
 * sleep that survives a stop, an exit signal of SIGUSR1 with __WCLONE, a
 * zombie's lifetime, orphans adopted by init, a busy child's rusage.
 * try: /tests/t_wait */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int chld_code;

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
		struct timespec ts = { 1, 0 }, rem;

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

/* An exit signal of the parent's choosing (clone(2)): SIGUSR1 arrives
 * when the child ends, and only __WCLONE (or __WALL) waits for it. */
static volatile int usr1_got;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_got = 1;
}

static int child_fn(void *arg)
{
	return (int)(long)arg;
}

static void test_exit_signal_usr1(void)
{
	static char stack[16384];
	int st;
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	fflush(stdout);
	pid = clone(child_fn, stack + sizeof(stack), SIGUSR1, (void *)6);
	check(waitpid(pid, &st, 0) < 0 && errno == ECHILD,
	      "exit signal SIGUSR1: plain waitpid gives ECHILD");
	check(waitpid(pid, &st, __WCLONE) == pid && WEXITSTATUS(st) == 6 &&
	      usr1_got, "__WCLONE reaps it, and SIGUSR1 came");
	signal(SIGUSR1, SIG_DFL);
}

/* A zombie lives from its exit to its parent's wait (wait(2)). */
static void test_zombie_lifetime(void)
{
	struct timespec step = { 0, 50000000 };
	pid_t pid = spawn_exit(2);
	int st;

	nanosleep(&step, NULL);
	check(kill(pid, 0) == 0, "an exited, unwaited child still exists");
	check(waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 2,
	      "the wait takes it, with its status");
	check(kill(pid, 0) < 0 && errno == ESRCH, "and then it is gone");
}

/* Orphans go to init (spec §6): a child whose parent exited has a new
 * parent, which reaps it; its pipe tells us what it saw. (In clonix that
 * is always 1; a Linux host may run us under a subreaper.) */
static void test_orphan_reparented(void)
{
	int fds[2], ppid = 0, st;
	pid_t mid;

	pipe(fds);
	fflush(stdout);
	mid = fork();
	if (mid == 0) {
		if (fork() == 0) {
			struct timespec step = { 0, 100000000 };

			nanosleep(&step, NULL);	/* till its parent is gone */
			ppid = getppid();
			write(fds[1], &ppid, sizeof(ppid));
			_exit(0);
		}
		_exit(0);
	}
	waitpid(mid, &st, 0);
	close(fds[1]);
	check(read(fds[0], &ppid, sizeof(ppid)) == sizeof(ppid) && ppid != mid &&
	      ppid > 0, "an orphan is adopted: getppid() is not its dead parent");
	close(fds[0]);
}

/* A child that burned CPU: its rusage has user time and page faults. */
static void test_rusage_of_busy_child(void)
{
	struct rusage ru;
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		volatile unsigned long x = 0;
		char *p = malloc(256 * 1024);

		for (int i = 0; i < 256 * 1024; i += 4096)
			p[i] = 1;
		for (unsigned long i = 0; i < 50000000UL; i++)
			x += i;
		_exit(0);
	}
	check(wait4(pid, &st, 0, &ru) == pid &&
	      ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec > 0,
	      "wait4: a busy child's utime is not zero");
	check(ru.ru_minflt >= 64, "... and its 256 KiB cost >= 64 minor faults");
}

/* SA_NOCLDSTOP (sigaction(2)): no SIGCHLD for a stop; WUNTRACED still
 * sees it. Bad result pointers (spec §5.2.5): EFAULT, and the child is
 * consumed all the same. waitid returns 0, also without an infop. */
static void test_nocldstop_and_pointers(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO | SA_NOCLDSTOP };
	struct timespec step = { 0, 10000000 };
	pid_t pid = spawn_sleeper();
	int st;

	sa.sa_sigaction = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
	chld_code = 0;
	kill(pid, SIGSTOP);
	check(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) &&
	      chld_code == 0, "SA_NOCLDSTOP: the stop is waitable, no SIGCHLD");
	kill(pid, SIGKILL);
	for (int i = 0; i < 500 && !chld_code; i++)
		nanosleep(&step, NULL);
	check(chld_code == CLD_KILLED, "... but its death sends one");
	check(waitpid(pid, (int *)8, 0) < 0 && errno == EFAULT,
	      "a bad status pointer: EFAULT");
	check(waitpid(pid, &st, WNOHANG) < 0 && errno == ECHILD,
	      "... and the child was reaped all the same");
	signal(SIGCHLD, SIG_DFL);
	pid = spawn_exit(1);
	check(waitid(P_PID, pid, NULL, WEXITED) == 0,
	      "waitid with a NULL infop returns 0 and reaps");
	check(waitpid(pid, &st, WNOHANG) < 0 && errno == ECHILD, "... it is gone");
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
	test_exit_signal_usr1();
	test_zombie_lifetime();
	test_orphan_reparented();
	test_rusage_of_busy_child();
	test_nocldstop_and_pointers();
	test_waitid();
	test_groups_and_errors();
	test_orphaned_pgrp();
	printf("t_wait: %d failed\n", failures);
	return failures != 0;
}
