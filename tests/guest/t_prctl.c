/* tests/guest/t_prctl.c — prctl(2)'s process options and where orphans
 * go, compared with Linux: the task name, the parent-death signal, child
 * subreapers (every thread of an orphan sees its new parent), the
 * dumpable flag; then clone3(2)'s argument rules and the robust futex
 * list a dying thread leaves behind.
 * try: /tests/t_prctl */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#ifndef CLONE_CLEAR_SIGHAND	/* glibc 2.36 has it only in <linux/sched.h> */
#define CLONE_CLEAR_SIGHAND	0x100000000ULL
#endif


#define STACK		(32 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)


static long pr(int option, unsigned long arg2)
{
	return prctl(option, arg2, 0, 0, 0);
}

static int fails_with(long r, int err)
{
	return r < 0 && errno == err;
}

/* spawn / join — a raw thread and the futex join on its TID word */
static int spawn(int (*fn)(void *), void *arg, volatile int *tid)
{
	char *stack = malloc(STACK);

	return clone(fn, stack + STACK, THREAD_FLAGS, arg, tid, NULL, tid);
}

static void join(volatile int *tid)
{
	int t;

	while ((t = *tid) != 0)
		syscall(SYS_futex, tid, 0, t, NULL, 0, 0);
}

static void test_name(const char *self)
{
	char name[32];
	int st;

	memset(name, 'x', sizeof(name));
	check(pr(PR_SET_NAME, (unsigned long)"a-rather-long-task-name") == 0 &&
	      pr(PR_GET_NAME, (unsigned long)name) == 0 &&
	      !strcmp(name, "a-rather-long-t"),
	      "PR_SET_NAME keeps 15 bytes; PR_GET_NAME reads them back");
	check(fails_with(pr(PR_SET_NAME, 16), EFAULT),
	      "PR_SET_NAME from a bad pointer: EFAULT");
	if (fork() == 0)
		_exit(pr(PR_GET_NAME, (unsigned long)name) == 0 &&
		      !strcmp(name, "a-rather-long-t") ? 0 : 1);
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a fork child keeps the name");
	if (fork() == 0) {
		execl(self, "t_prctl", "name", (char *)NULL);
		_exit(99);
	}
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "exec names the task after the program again");
}

static void test_dumpable(const char *self)
{
	int st;

	check(pr(PR_GET_DUMPABLE, 0) == 1, "a program starts dumpable (1)");
	check(fails_with(pr(PR_SET_DUMPABLE, 2), EINVAL),
	      "PR_SET_DUMPABLE 2: EINVAL (root-only dumps are not for prctl)");
	check(pr(PR_SET_DUMPABLE, 0) == 0 && pr(PR_GET_DUMPABLE, 0) == 0,
	      "PR_SET_DUMPABLE 0 reads back");
	if (fork() == 0)
		_exit(pr(PR_GET_DUMPABLE, 0));
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "fork keeps it");
	if (fork() == 0) {
		execl(self, "t_prctl", "dumpable", (char *)NULL);
		_exit(99);
	}
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 1, "exec makes it 1 again");
	pr(PR_SET_DUMPABLE, 1);
	check(fails_with(pr(9999, 0), EINVAL), "an unknown option: EINVAL");
}

static int ready[2], note[2];	/* grandchild → middle; handler → itself */

static void on_usr1(int sig)
{
	(void)sig;
	write(note[1], "d", 1);
}

static volatile int thread_ppid;

static int read_ppid(void *arg)
{
	int from = *(int *)arg;

	/* wait until the middle process is gone and we are reparented */
	while (getppid() == from)
		sched_yield();
	thread_ppid = getppid();
	return 0;
}

/* orphan — the grandchild: its parent (the middle process) exits; the
 * grandchild's signal says so, and it and its thread now have the
 * subreaper (the test) as their parent. */
static void orphan(int middle, int me)
{
	volatile int tid = 0;
	char c;
	int ok;

	signal(SIGUSR1, on_usr1);
	ok = pr(PR_SET_PDEATHSIG, SIGUSR1) == 0;
	spawn(read_ppid, &middle, &tid);
	write(ready[1], "r", 1);		/* let the middle go */
	while (read(note[0], &c, 1) < 0 && errno == EINTR)
		;
	join(&tid);
	ok = ok && getppid() == me && thread_ppid == me;
	_exit(ok ? 0 : 1);
}

static void test_subreaper(void)
{
	int me = getpid(), st, got = 0, middle, grandchild = 0, v = -1;
	char c;

	check(pr(PR_GET_CHILD_SUBREAPER, (unsigned long)&v) == 0 && v == 0,
	      "a process is no subreaper by default");
	check(fails_with(pr(PR_SET_PDEATHSIG, 65), EINVAL),
	      "PR_SET_PDEATHSIG 65: EINVAL");
	pr(PR_SET_PDEATHSIG, SIGUSR2);
	check(pr(PR_GET_PDEATHSIG, (unsigned long)&v) == 0 && v == SIGUSR2,
	      "PR_GET_PDEATHSIG reads the signal back");
	pr(PR_SET_PDEATHSIG, 0);
	check(pr(PR_SET_CHILD_SUBREAPER, 1) == 0 &&
	      pr(PR_GET_CHILD_SUBREAPER, (unsigned long)&v) == 0 && v == 1,
	      "PR_SET_CHILD_SUBREAPER reads back");
	pipe(ready);
	pipe(note);
	middle = fork();
	if (middle == 0) {
		int mid = getpid();

		if (fork() == 0)
			orphan(mid, me);
		read(ready[0], &c, 1);		/* the grandchild is ready */
		_exit(7);
	}
	waitpid(middle, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 7, "the middle process exits");
	grandchild = wait(&st);
	got = grandchild > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	check(got, "the orphan got its parent-death signal, and it and its "
	      "thread have the subreaper as parent");
	check(wait(&st) < 0 && errno == ECHILD, "... and nothing else came");
	pr(PR_SET_CHILD_SUBREAPER, 0);
	close(ready[0]);
	close(ready[1]);
	close(note[0]);
	close(note[1]);
}

/* --- clone3 ---------------------------------------------------------- */

struct clone_args {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal;
	unsigned long long stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

static long clone3(struct clone_args *a, unsigned long size)
{
	return syscall(SYS_clone3, a, size);
}

static void test_clone3(void)
{
	struct clone_args a;
	unsigned char big[128];
	long pid;
	int st;

	memset(&a, 0, sizeof(a));
	a.exit_signal = SIGCHLD;
	pid = clone3(&a, 64);
	if (pid == 0)
		_exit(5);
	check(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	      WEXITSTATUS(st) == 5, "clone3 (size 64) makes a waitable child");
	check(fails_with(clone3(&a, 63), EINVAL), "size below 64: EINVAL");
	check(fails_with(clone3(&a, 8192), E2BIG), "size above a page: E2BIG");
	check(fails_with(clone3((void *)16, 64), EFAULT), "a bad pointer: EFAULT");
	memset(big, 0, sizeof(big));
	memcpy(big, &a, sizeof(a));
	big[100] = 1;
	check(fails_with(clone3((void *)big, sizeof(big)), E2BIG),
	      "a larger struct with unknown non-zero bytes: E2BIG");
	big[100] = 0;
	pid = clone3((void *)big, sizeof(big));
	if (pid == 0)
		_exit(6);
	check(pid > 0 && waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 6,
	      "... with zeros there it is accepted");
	a.flags = SIGCHLD;
	check(fails_with(clone3(&a, 88), EINVAL), "CSIGNAL bits in flags: EINVAL");
	a.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM;
	check(fails_with(clone3(&a, 88), EINVAL),
	      "a thread with an exit signal: EINVAL");
	a.flags = 0;
	a.exit_signal = 65;
	check(fails_with(clone3(&a, 88), EINVAL), "exit signal 65: EINVAL");
	a.exit_signal = SIGCHLD;
	a.stack = (unsigned long)big;
	check(fails_with(clone3(&a, 88), EINVAL), "a stack without a size: EINVAL");
	a.stack = 0;
	a.flags = CLONE_SIGHAND | CLONE_VM | CLONE_CLEAR_SIGHAND;
	check(fails_with(clone3(&a, 88), EINVAL),
	      "CLONE_SIGHAND with CLONE_CLEAR_SIGHAND: EINVAL");
	a.flags = CLONE_CLEAR_SIGHAND;
	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, SIG_IGN);
	pid = clone3(&a, 88);
	if (pid == 0) {
		struct sigaction s1, s2;

		sigaction(SIGUSR1, NULL, &s1);
		sigaction(SIGUSR2, NULL, &s2);
		_exit(s1.sa_handler == SIG_DFL && s2.sa_handler == SIG_IGN ? 0 : 1);
	}
	check(pid > 0 && waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 0,
	      "CLONE_CLEAR_SIGHAND: handlers reset, ignored stays ignored");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* --- robust futexes ---------------------------------------------------- */

struct robust_list_head {
	void *next;
	long futex_offset;
	void *pending;
};

struct robust_lock {
	void *next;			/* the list link */
	volatile unsigned int word;	/* the lock: owner's TID, flags */
};

static struct robust_lock held;
static struct robust_list_head head;

static int hold_and_die(void *arg)
{
	(void)arg;
	head.next = &held;
	head.futex_offset = (char *)&held.word - (char *)&held;
	held.next = &head;
	held.word = gettid() | 0x80000000u;	/* held, with waiters */
	syscall(SYS_set_robust_list, &head, sizeof(head));
	return 0;			/* exits holding it */
}

static void test_robust(void)
{
	volatile int tid = 0;
	void *h;
	size_t len;

	check(fails_with(syscall(SYS_set_robust_list, &head, 11), EINVAL),
	      "set_robust_list with a wrong size: EINVAL");
	check(syscall(SYS_get_robust_list, 0, &h, &len) == 0 && len == 12,
	      "get_robust_list gives the head and its size");
	check(fails_with(syscall(SYS_get_robust_list, 999999, &h, &len), ESRCH),
	      "get_robust_list of no such task: ESRCH");
	spawn(hold_and_die, NULL, &tid);
	join(&tid);
	check(held.word == 0xc0000000u,
	      "a thread that dies holding a robust lock leaves OWNER_DIED, "
	      "waiters bit kept, owner cleared");
}

int main(int argc, char **argv)
{
	char name[16];

	if (argc > 1 && !strcmp(argv[1], "name"))
		return pr(PR_GET_NAME, (unsigned long)name) == 0 &&
		       !strcmp(name, "t_prctl") ? 0 : 1;
	if (argc > 1 && !strcmp(argv[1], "dumpable"))
		return pr(PR_GET_DUMPABLE, 0);
	setvbuf(stdout, NULL, _IONBF, 0);
	test_name(argv[0]);
	test_dumpable(argv[0]);
	test_subreaper();
	test_clone3();
	test_robust();
	printf("t_prctl: %d failed\n", failures);
	return failures != 0;
}
