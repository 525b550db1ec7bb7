/* tests/guest/t_signals.c — signals, compared with Linux: handlers and
 * siginfo, masks and pending signals, SA_RESETHAND, default actions,
 * faults caught by a handler, SIGPIPE, SIGCHLD (with CLD_EXITED, ignored
 * SIGCHLD and SA_NOCLDWAIT), EINTR and SA_RESTART, kill's pid forms,
 * tgkill, the errors, alarm and the interval timers, the alternate
 * signal stack, and what fork and exec keep. try: /tests/t_signals */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static volatile int got, got_code, got_pid, got_status, count;

static void on_sig(int sig)
{
	got = sig;
	count++;
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_status = si->si_status;
}

static void set(int sig, void (*h)(int), int flags)
{
	struct sigaction sa = { .sa_flags = flags };

	sa.sa_handler = h;
	sigaction(sig, &sa, NULL);
}

static void set_info(int sig)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };

	sa.sa_sigaction = on_info;
	sigaction(sig, &sa, NULL);
}

/* status_of — fork, run body in the child, return the wait status. */
static int status_of(void (*body)(void))
{
	int st = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		body();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	return st;
}

static void test_handlers(void)
{
	sigset_t block, pend;

	set(SIGUSR1, on_sig, 0);
	got = 0;
	check(kill(getpid(), SIGUSR1) == 0 && got == SIGUSR1,
	      "a handler runs for a signal sent to ourselves");
	set_info(SIGUSR2);
	kill(getpid(), SIGUSR2);
	check(got == SIGUSR2 && got_code == SI_USER && got_pid == getpid(),
	      "SA_SIGINFO: si_code SI_USER and si_pid of the sender");
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	got = 0;
	kill(getpid(), SIGUSR1);
	sigpending(&pend);
	check(got == 0 && sigismember(&pend, SIGUSR1) == 1,
	      "a blocked signal stays pending");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	check(got == SIGUSR1, "... and is delivered when unblocked");
	set(SIGUSR1, on_sig, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	check(signal(SIGUSR1, SIG_IGN) == SIG_DFL, "SA_RESETHAND: back to SIG_DFL");
	got = 0;
	raise(SIGUSR1);
	check(got == 0, "an ignored signal is dropped");
	check(raise(SIGCHLD) == 0, "SIGCHLD's default is to ignore it");
}

static void term_self(void)
{
	kill(getpid(), SIGTERM);
	for (;;)
		pause();
}

static void segv_caught(int sig)
{
	_exit(40 + sig - SIGSEGV);
}

static volatile int zero, seven = 7;
static int *volatile bad_ptr = (int *)8;

static void fault_body(void)
{
	set(SIGSEGV, segv_caught, 0);
	*bad_ptr = 1;
}

static void divide_body(void)
{
	volatile int x = seven / zero;	/* idiv: #DE */

	(void)x;
}

static void pipe_body(void)
{
	int fds[2];

	pipe(fds);
	close(fds[0]);
	write(fds[1], "x", 1);
	_exit(1);		/* not reached: SIGPIPE */
}

static void test_default_actions(void)
{
	int st = status_of(term_self);

	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "SIGTERM kills by default");
	st = status_of(fault_body);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 40,
	      "a SIGSEGV handler runs for a bad access");
	st = status_of(divide_body);
	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGFPE,
	      "division by zero: SIGFPE");
	st = status_of(pipe_body);
	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	      "a write to a pipe without readers: SIGPIPE");
}

static void exit_five(void)
{
	_exit(5);
}

static void test_sigchld(void)
{
	int st;
	pid_t pid;

	set_info(SIGCHLD);
	got = 0;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		exit_five();
	waitpid(pid, &st, 0);
	check(got == SIGCHLD && got_code == CLD_EXITED && got_pid == pid &&
	      got_status == 5, "SIGCHLD: CLD_EXITED, si_pid, si_status 5");
	signal(SIGCHLD, SIG_IGN);
	pid = fork();
	if (pid == 0)
		exit_five();
	check(waitpid(pid, &st, 0) < 0 && errno == ECHILD,
	      "SIGCHLD ignored: no zombie, wait gives ECHILD");
	set(SIGCHLD, on_sig, SA_NOCLDWAIT);
	got = 0;
	pid = fork();
	if (pid == 0)
		exit_five();
	check(waitpid(pid, &st, 0) < 0 && errno == ECHILD && got == SIGCHLD,
	      "SA_NOCLDWAIT: no zombie, but SIGCHLD is sent");
	signal(SIGCHLD, SIG_DFL);
}

static void test_eintr(void)
{
	struct timespec ts = { 5, 0 }, rem = { 0, 0 };
	int fds[2];
	char c;
	pid_t parent = getpid(), pid;

	set(SIGUSR1, on_sig, 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct timespec wait = { 0, 100000000 };

		nanosleep(&wait, NULL);
		kill(parent, SIGUSR1);
		nanosleep(&wait, NULL);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	check(nanosleep(&ts, &rem) < 0 && errno == EINTR && rem.tv_sec < 5,
	      "nanosleep interrupted: EINTR and the time left");
	pipe(fds);
	check(read(fds[0], &c, 1) < 0 && errno == EINTR,
	      "a read without SA_RESTART: EINTR");
	waitpid(pid, NULL, 0);
	close(fds[0]);
	close(fds[1]);
	signal(SIGUSR1, SIG_DFL);
}

static void restart_body(void)
{
	int fds[2];
	char c = 0;
	pid_t me = getpid(), pid;

	set(SIGUSR1, on_sig, SA_RESTART);
	count = 0;
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		struct timespec wait = { 0, 100000000 };

		nanosleep(&wait, NULL);
		kill(me, SIGUSR1);
		nanosleep(&wait, NULL);
		write(fds[1], "r", 1);
		_exit(0);
	}
	_exit(read(fds[0], &c, 1) == 1 && c == 'r' && count == 1 ? 0 : 1);
}

static void test_restart_and_kill_forms(void)
{
	int st = status_of(restart_body);
	sigset_t bad;

	sigemptyset(&bad);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "SA_RESTART: the read goes on after the handler");
	set(SIGUSR2, on_sig, 0);
	setpgid(0, 0);
	got = 0;
	check(kill(0, SIGUSR2) == 0 && got == SIGUSR2, "kill(0) reaches our group");
	got = 0;
	check(kill(-getpgrp(), SIGUSR2) == 0 && got == SIGUSR2,
	      "kill(-pgrp) reaches it too");
	got = 0;
	check(syscall(270, getpid(), gettid(), SIGUSR2) == 0 && got == SIGUSR2,
	      "tgkill to our own thread");
	check(syscall(270, getpid() + 1, gettid(), SIGUSR2) < 0 && errno == ESRCH,
	      "tgkill with the wrong tgid: ESRCH");
	check(kill(getpid(), 99) < 0 && errno == EINVAL, "kill with signal 99: EINVAL");
	check(kill(getpid(), 0) == 0, "kill with signal 0 tests existence");
	check(sigprocmask(7, &bad, NULL) < 0 && errno == EINVAL,
	      "sigprocmask with a bad how: EINVAL");
}

/* Timers (alarm(2), setitimer(2)): SIGALRM from wall time, SIGVTALRM
 * from user time, SIGPROF from all CPU time; an interval rearms. */
static void spin_until_signal(void)
{
	for (long i = 0; !got && i < 2000000000L; i++)
		;
}

static void test_timers(void)
{
	struct itimerval v = { { 0, 20000 }, { 0, 20000 } }, off = { { 0, 0 },
								    { 0, 0 } };
	struct itimerval now, bad = { { 0, 0 }, { 0, 1000000 } };
	sigset_t none;

	sigemptyset(&none);
	check(alarm(0) == 0, "alarm(0) with none set returns 0");
	alarm(5);
	check(alarm(0) == 5, "alarm returns the seconds left of the last one");
	set(SIGALRM, on_sig, 0);
	got = 0;
	alarm(1);
	check(pause() < 0 && errno == EINTR && got == SIGALRM,
	      "alarm(1): SIGALRM interrupts pause");
	count = 0;
	setitimer(ITIMER_REAL, &v, NULL);
	while (count < 3)
		sigsuspend(&none);
	setitimer(ITIMER_REAL, &off, &now);
	check(now.it_interval.tv_usec == 20000 && now.it_interval.tv_sec == 0,
	      "ITIMER_REAL: the interval fires again and again, and is kept");
	getitimer(ITIMER_REAL, &now);
	check(now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0,
	      "a disarmed timer reads zero");
	set(SIGVTALRM, on_sig, 0);
	set(SIGPROF, on_sig, 0);
	got = 0;
	setitimer(ITIMER_VIRTUAL, &v, NULL);
	spin_until_signal();
	setitimer(ITIMER_VIRTUAL, &off, NULL);
	check(got == SIGVTALRM, "ITIMER_VIRTUAL: SIGVTALRM after user time");
	got = 0;
	setitimer(ITIMER_PROF, &v, NULL);
	spin_until_signal();
	setitimer(ITIMER_PROF, &off, NULL);
	check(got == SIGPROF, "ITIMER_PROF: SIGPROF after CPU time");
	check(setitimer(ITIMER_REAL, &bad, NULL) < 0 && errno == EINVAL,
	      "setitimer with tv_usec 1000000: EINVAL");
	check(setitimer(7, &v, NULL) < 0 && errno == EINVAL,
	      "setitimer with which 7: EINVAL");
	check(syscall(SYS_getitimer, ITIMER_REAL, (void *)8) < 0 && errno == EFAULT,
	      "getitimer to a bad pointer: EFAULT");
	printf("strsignal: %s; %s; %s\n", strsignal(SIGSEGV), strsignal(SIGTSTP),
	       strsignal(99));
}

/* The alternate signal stack (sigaltstack(2)): an SA_ONSTACK handler
 * runs on it, and reports SS_ONSTACK there; it cannot be changed while
 * in use; a fork child keeps it, a CLONE_VM child and an exec do not. */
static char altstack[16384];	/* glibc's SIGSTKSZ is not a constant */
static volatile int on_alt, flags_inside, change_inside;

static int in_altstack(void *p)
{
	return (char *)p >= altstack && (char *)p < altstack + sizeof(altstack);
}

static void where_am_i(int sig)
{
	stack_t cur, again = { altstack, 0, sizeof(altstack) };
	int local;

	(void)sig;
	on_alt = in_altstack(&local);
	sigaltstack(NULL, &cur);
	flags_inside = cur.ss_flags;
	change_inside = sigaltstack(&again, NULL) < 0 ? errno : 0;
}

static int altstack_flags(void *arg)
{
	stack_t cur;

	(void)arg;
	sigaltstack(NULL, &cur);
	return cur.ss_flags;
}

static void test_altstack(void)
{
	stack_t ss = { altstack, 0, sizeof(altstack) }, old, small = ss;
	static char child_stack[16384];
	int st;
	pid_t pid;

	small.ss_size = 1024;
	check(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE,
	      "sigaltstack: none at first (SS_DISABLE)");
	check(sigaltstack(&small, NULL) < 0 && errno == ENOMEM,
	      "a stack below MINSIGSTKSZ: ENOMEM");
	ss.ss_flags = 99;
	check(sigaltstack(&ss, NULL) < 0 && errno == EINVAL, "bad flags: EINVAL");
	ss.ss_flags = 0;
	check(sigaltstack((void *)8, NULL) < 0 && errno == EFAULT,
	      "a bad pointer: EFAULT");
	check(sigaltstack(&ss, NULL) == 0, "set one");
	set(SIGUSR1, where_am_i, 0);
	raise(SIGUSR1);
	check(!on_alt, "a handler without SA_ONSTACK: on the usual stack");
	set(SIGUSR1, where_am_i, SA_ONSTACK);
	raise(SIGUSR1);
	check(on_alt && flags_inside == SS_ONSTACK,
	      "SA_ONSTACK: on the alternate stack, which says SS_ONSTACK");
	check(change_inside == EPERM, "changing it while on it: EPERM");
	check(sigaltstack(NULL, &old) == 0 && old.ss_flags == 0 &&
	      old.ss_sp == altstack && old.ss_size == sizeof(altstack),
	      "after the handler: set, not in use");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(altstack_flags(NULL));
	waitpid(pid, &st, 0);
	check(WEXITSTATUS(st) == 0, "a fork child keeps it");
	pid = clone(altstack_flags, child_stack + sizeof(child_stack),
		    CLONE_VM | SIGCHLD, NULL);
	waitpid(pid, &st, 0);
	check(WEXITSTATUS(st) == SS_DISABLE, "a CLONE_VM child has none");
	signal(SIGUSR1, SIG_DFL);
}

/* What fork and exec keep (signal(7)): fork copies handlers and the mask
 * and clears pending signals and timers; exec resets handled signals to
 * the default, keeps ignored ones, the mask, pending signals and alarm. */
static const char *self;

static int after_exec(void)
{
	struct sigaction usr2, intr;
	sigset_t mask, pending;
	unsigned int left = alarm(0);
	stack_t alt;

	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigpending(&pending);
	sigaction(SIGUSR2, NULL, &usr2);
	sigaction(SIGINT, NULL, &intr);
	sigaltstack(NULL, &alt);
	return (alt.ss_flags == SS_DISABLE ? 32 : 0) | (sigismember(&mask, SIGUSR1) ? 1 : 0) |
	       (sigismember(&pending, SIGUSR1) ? 2 : 0) |
	       (usr2.sa_handler == SIG_IGN ? 4 : 0) |
	       (intr.sa_handler == SIG_DFL ? 8 : 0) |
	       (left > 0 && left <= 30 ? 16 : 0);
}

static void fork_body(void)
{
	struct sigaction intr;
	sigset_t mask, pending;

	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigpending(&pending);
	sigaction(SIGINT, NULL, &intr);
	_exit((sigismember(&mask, SIGUSR1) ? 1 : 0) |
	      (sigismember(&pending, SIGUSR1) ? 0 : 2) |
	      (intr.sa_handler == on_sig ? 4 : 0) | (alarm(0) == 0 ? 8 : 0));
}

static void exec_body(void)
{
	char *argv[] = { (char *)self, "after-exec", NULL };

	raise(SIGUSR1);				/* blocked: stays pending */
	alarm(30);
	execve(self, argv, NULL);
	_exit(99);
}

static void test_inheritance(void)
{
	sigset_t usr1, old;
	int st;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	set(SIGINT, on_sig, 0);
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR1);
	alarm(30);
	st = status_of(fork_body);
	check(WEXITSTATUS(st) == 15,
	      "fork: handlers and mask copied; pending signals, alarm not");
	alarm(0);
	st = status_of(exec_body);
	check(WEXITSTATUS(st) == 63, "exec: mask, pending, ignored and alarm "
	      "kept; handlers and the alternate stack reset");
	signal(SIGUSR1, SIG_IGN);		/* discard the pending one */
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	signal(SIGINT, SIG_DFL);
}

static volatile int rt_count, usr_count;

static void count_rt(int sig)
{
	(void)sig;
	rt_count++;
}

static void count_usr(int sig)
{
	(void)sig;
	usr_count++;
}

/* test_queueing — blocked, sent three times each: a standard signal is
 * delivered once, a real-time one (40: glibc keeps 32-34 for itself)
 * three times, as each queues (TLPI 22.8). */
static void test_queueing(void)
{
	sigset_t block, old, pending;

	set(40, count_rt, 0);
	set(SIGUSR2, count_usr, 0);
	sigemptyset(&block);
	sigaddset(&block, 40);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (int i = 0; i < 3; i++) {
		kill(getpid(), 40);
		kill(getpid(), SIGUSR2);
	}
	sigpending(&pending);
	check(sigismember(&pending, 40) == 1 && sigismember(&pending, SIGUSR2) == 1,
	      "both pending while blocked");
	sigprocmask(SIG_SETMASK, &old, NULL);
	check(rt_count == 3, "a real-time signal sent three times is delivered three times");
	check(usr_count == 1, "a standard one, once");
	sigpending(&pending);
	check(sigismember(&pending, 40) == 0, "none left pending");
	set(40, SIG_DFL, 0);
	set(SIGUSR2, SIG_DFL, 0);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "after-exec"))
		return after_exec();
	test_handlers();
	test_default_actions();
	test_sigchld();
	test_eintr();
	test_restart_and_kill_forms();
	test_timers();
	test_altstack();
	test_inheritance();
	test_queueing();
	printf("t_signals: %d failed\n", failures);
	return failures != 0;
}
