/* tests/guest/t_threads.c — thread groups (spec §4) and TLS (§8), with
 * raw clone(CLONE_THREAD...) and futex joins, compared with Linux:
 * identities, threads are not waitable, 100 threads, exit_group's code,
 * a leader that exits first, exec from a non-leader thread, and %gs-based
 * thread-local storage through set_thread_area and CLONE_SETTLS, and
 * waiting for a child another thread forked (__WNOTHREAD), SIGCHLD only
 * for a whole group, and signals to the group versus to one thread.
 * try: /tests/t_threads */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define STACK		(32 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)

struct user_desc {
	unsigned int entry_number, base_addr, limit, flags;
};

static volatile int seen_pid, seen_tid, seen_ppid, counter;

static void msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* spawn — a thread running fn(arg); *tid is its TID word (join on it). */
static int spawn(int (*fn)(void *), void *arg, volatile int *tid, int extra,
		 void *tls)
{
	char *stack = malloc(STACK);

	return clone(fn, stack + STACK, THREAD_FLAGS | extra, arg, tid, tls, tid);
}

static int join_gave_up;	/* a TID word was never cleared */

/* join — wait for the thread's exit to clear its TID word (CLEARTID and
 * the futex wake). Bounded: 10 s, then 100 ms a word once one timed
 * out, so that a kernel that never clears the words fails the checks
 * that depend on it instead of hanging the test. */
static void join(volatile int *tid)
{
	struct timespec tenth = { 0, 100000000 };
	int t;

	for (int i = 0; (t = *tid) != 0 && i < (join_gave_up ? 1 : 100); i++)
		syscall(240, tid, 0, t, &tenth, 0, 0);	/* FUTEX_WAIT */
	join_gave_up |= *tid != 0;
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* wait_bounded — waitpid(pid, st, 0), interrupted after 20 s (SIGALRM
 * without SA_RESTART): a child the kernel never reports fails a check
 * instead of hanging the test. */
static pid_t wait_bounded(pid_t pid, int *st)
{
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	pid_t r;

	sigaction(SIGALRM, &sa, &old);
	alarm(20);
	r = waitpid(pid, st, 0);
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	return r;
}

static int ids(void *arg)
{
	(void)arg;
	seen_pid = getpid();
	seen_tid = gettid();
	seen_ppid = getppid();
	return 0;
}

static void test_ids(void)
{
	volatile int tid = 0;
	int t = spawn(ids, NULL, &tid, 0, NULL), st;

	join(&tid);
	check(t > 0 && seen_pid == getpid(), "a thread's getpid() is the TGID");
	check(seen_tid == t && seen_tid != getpid(), "its gettid() is its own");
	check(seen_ppid == getppid(), "its getppid() is the group's parent");
	check(waitpid(t, &st, __WALL) < 0 && errno == ECHILD,
	      "a thread cannot be waited for: ECHILD");
}

static int bump(void *arg)
{
	(void)arg;
	__sync_fetch_and_add(&counter, 1);
	return 0;
}

static void test_hundred(void)
{
	static volatile int tids[100];
	int made = 0;

	counter = 0;
	for (int i = 0; i < 100; i++)
		made += spawn(bump, NULL, &tids[i], 0, NULL) > 0;
	for (int i = 0; i < 100; i++)
		join(&tids[i]);
	check(made == 100 && counter == 100, "100 threads created and joined");
}

static int group_exit(void *arg)
{
	(void)arg;
	_exit(4);		/* exit_group: takes the sleeping leader along */
}

static int gate[2];		/* the parent lets exit_three_later go on */

static int exit_three_later(void *arg)
{
	char c;

	(void)arg;
	read(gate[0], &c, 1);	/* until the parent has looked */
	return 3;		/* exit(3) of the last thread */
}

/* in_child — run body in a forked process; its wait status. */
static int in_child(void (*body)(void))
{
	pid_t pid;
	int st = -1;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		body();
		_exit(99);
	}
	wait_bounded(pid, &st);
	return st;
}

static void body_group_exit(void)
{
	volatile int tid = 0;

	spawn(group_exit, NULL, &tid, 0, NULL);
	msleep(10000);
}

static void body_leader_first(void)
{
	volatile int tid = 0;

	spawn(exit_three_later, NULL, &tid, 0, NULL);
	syscall(1, 5);		/* exit(5): the leader alone */
}

static int sleep_long(void *arg)
{
	(void)arg;
	msleep(10000);
	return 0;
}

/* body_leader_gone — the leader exits alone; a thread sleeps on. */
static void body_leader_gone(void)
{
	volatile int tid = 0;

	spawn(sleep_long, NULL, &tid, 0, NULL);
	syscall(1, 0);
}

static volatile int sigchld_count;

static void count_sigchld(int sig)
{
	(void)sig;
	sigchld_count++;
}

static void test_group_exit(void)
{
	int st = in_child(body_group_exit);
	pid_t pid;

	check(WIFEXITED(st) && WEXITSTATUS(st) == 4,
	      "exit_group in a thread ends the group with its code");
	pipe(gate);
	signal(SIGCHLD, count_sigchld);
	sigchld_count = 0;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		body_leader_first();
		_exit(99);
	}
	msleep(100);
	check(waitpid(pid, &st, WNOHANG) == 0,
	      "a leader that exited first is not reported while a thread runs");
	check(sigchld_count == 0, "... nor is SIGCHLD sent while a thread runs");
	write(gate[1], "", 1);
	check(wait_bounded(pid, &st) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 3,
	      "... and then with the last thread's exit code");
	check(sigchld_count == 1, "... and one SIGCHLD, when the group is gone");
	signal(SIGCHLD, SIG_DFL);
	close(gate[0]);
	close(gate[1]);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		body_leader_gone();
	msleep(100);
	check(kill(pid, SIGTERM) == 0 && wait_bounded(pid, &st) == pid &&
	      WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
	      "kill() reaches a process whose leader has exited");
}

/* Process- and thread-directed signals (signal(7)): kill() goes to any
 * thread that does not block the signal, tgkill() to that thread. */
static volatile int handled_by, listening, stop_listening;

static void note_tid(int sig)
{
	(void)sig;
	handled_by = gettid();
}

static int listener(void *arg)
{
	(void)arg;
	listening = gettid();
	while (!stop_listening)
		msleep(10);
	return 0;
}

static void test_signal_targets(void)
{
	static volatile int tid;
	sigset_t usr1, old;

	signal(SIGUSR1, note_tid);
	spawn(listener, NULL, &tid, 0, NULL);
	while (!listening)
		msleep(10);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	handled_by = 0;
	kill(getpid(), SIGUSR1);
	while (!handled_by)
		msleep(10);
	check(handled_by == listening,
	      "kill(): the one thread not blocking it handles it");
	sigprocmask(SIG_SETMASK, &old, NULL);
	handled_by = 0;
	syscall(270, getpid(), gettid(), SIGUSR1);	/* tgkill */
	check(handled_by == gettid(), "tgkill(): the thread named handles it");
	handled_by = 0;
	syscall(270, getpid(), listening, SIGUSR1);
	while (!handled_by)
		msleep(10);
	check(handled_by == listening, "... even when another could");
	stop_listening = 1;
	join(&tid);
	signal(SIGUSR1, SIG_DFL);
}

static const char *self;
static char orig_pid[16], orig_ppid[16];

static int exec_from_thread(void *arg)
{
	(void)arg;
	execl(self, self, "after-exec", orig_pid, orig_ppid, (char *)NULL);
	return 1;
}

static void body_exec(void)
{
	volatile int tid = 0;

	snprintf(orig_pid, sizeof(orig_pid), "%d", getpid());
	snprintf(orig_ppid, sizeof(orig_ppid), "%d", getppid());
	spawn(exec_from_thread, NULL, &tid, 0, NULL);
	msleep(10000);		/* killed by the exec */
}

static int after_exec(char **argv)
{
	printf("exec'd: pid is the old TGID: %s\n",
	       getpid() == atoi(argv[2]) ? "yes" : "no");
	printf("exec'd: pid == tid: %s\n", getpid() == gettid() ? "yes" : "no");
	printf("exec'd: same parent: %s\n", getppid() == atoi(argv[3]) ? "yes" : "no");
	return 0;
}

static void test_exec_from_thread(void)
{
	int st = in_child(body_exec);

	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "exec from a non-leader thread: one process, status 0");
}

/* --- TLS -------------------------------------------------------- */

static unsigned int block1[4] = { 0x1111 }, block2[4] = { 0x2222 };
static volatile unsigned int thread_saw;

static unsigned int gs0(void)
{
	unsigned int v;

	__asm__ volatile("movl %%gs:0, %0" : "=r"(v));
	return v;
}

static unsigned int load_gs(unsigned int sel)
{
	unsigned int old;

	__asm__ volatile("movw %%gs, %w0; movw %w1, %%gs"
			 : "=&r"(old) : "r"(sel));
	return old;
}

/* gs0_with — %gs:0 with the slot's descriptor loaded, then libc's own
 * back (errno lives in libc's thread block, found through %gs). */
static unsigned int gs0_with(unsigned int entry)
{
	unsigned int libc = load_gs((entry << 3) | 3), v = gs0();

	load_gs(libc);
	return v;
}

/* tls_thread — CLONE_SETTLS set the thread's own copy of the slot;
 * its %gs register is still the creator's (libc's), so load the slot. */
static int tls_thread(void *arg)
{
	thread_saw = gs0_with(*(int *)arg);
	return 0;
}

/* body_empty_slot — empty the TLS slot %gs is loaded with (libc's):
 * the return to user mode cannot reload it, and the kernel gives the
 * program a null %gs instead. Raw calls only: errno lives behind %gs. */
static void body_empty_slot(void)
{
	unsigned int sel = load_gs(0), fs;
	struct user_desc e = { (sel & 0xffff) >> 3, 0, 0, 0x28 };
	long r;

	load_gs(sel);
	__asm__ volatile("movw %w0, %%fs" : : "r"(sel));
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(243), "b"(&e) : "memory");
	__asm__ volatile("movw %%gs, %w0; movw %%fs, %w1"
			 : "=r"(sel), "=r"(fs));
	_exit(r == 0 && (sel & 0xffff) == 0 && (fs & 0xffff) == 0 ? 0 : 1);
}

static void test_tls(void)
{
	struct user_desc d = { -1, (unsigned int)block1, 0xfffff, 0x51 };
	struct user_desc d2, g, bad;
	volatile int tid = 0;
	int entry;

	check(syscall(243, &d) == 0 && d.entry_number != (unsigned int)-1,
	      "set_thread_area(-1) allocated a slot");
	entry = d.entry_number;
	check(gs0_with(entry) == 0x1111, "%gs:0 reads the thread's block");
	d2 = d;
	d2.base_addr = (unsigned int)block2;
	spawn(tls_thread, &entry, &tid, CLONE_SETTLS, &d2);
	join(&tid);
	check(thread_saw == 0x2222, "a CLONE_SETTLS thread sees its own block");
	check(gs0_with(entry) == 0x1111, "... and ours is unchanged after it ran");
	g.entry_number = entry;
	check(syscall(244, &g) == 0 && g.base_addr == (unsigned int)block1 &&
	      g.limit == 0xfffff && g.flags == 0x51, "get_thread_area reads it back");
	d2.entry_number = -1;
	check(spawn(tls_thread, &entry, &tid, CLONE_SETTLS, &d2) < 0 &&
	      errno == EINVAL, "CLONE_SETTLS with entry -1: EINVAL");
	check(syscall(243, (void *)16) < 0 && errno == EFAULT,
	      "set_thread_area with a bad pointer: EFAULT");
	bad = d;
	bad.entry_number = 5;
	check(syscall(243, &bad) < 0 && errno == EINVAL,
	      "set_thread_area outside the TLS slots: EINVAL");
	bad.entry_number = -1;
	bad.flags = 0x50;	/* 16-bit */
	check(syscall(243, &bad) < 0 && errno == EINVAL,
	      "a 16-bit segment: EINVAL");
	bad.flags = 0x51;
	syscall(243, &bad);	/* the third slot (libc took the first) */
	bad.entry_number = -1;
	check(syscall(243, &bad) < 0 && errno == ESRCH,
	      "a fourth allocation: ESRCH");
	check(WEXITSTATUS(in_child(body_empty_slot)) == 0,
	      "emptying the slot %fs and %gs use: both read 0 after the call");
}

/* Waiting across a thread group (wait(2), spec §6): any thread may reap
 * a child another thread forked, unless it asks __WNOTHREAD; when that
 * thread exits, its children pass to a live thread of the group. */
static pid_t child_of_main, child_of_thread;
static volatile int nothread_err, sibling_reaped, forked, checked;

static pid_t fork_exit(int code)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

static int waiter_thread(void *arg)
{
	int st = 0;

	(void)arg;
	child_of_thread = fork_exit(4);
	forked = 1;
	nothread_err = waitpid(child_of_main, &st, __WNOTHREAD) < 0 ? errno : 0;
	sibling_reaped = waitpid(child_of_main, &st, 0) == child_of_main &&
			 WEXITSTATUS(st) == 3;
	while (!checked)
		msleep(10);
	return 0;
}

static void test_wait_across_threads(void)
{
	static volatile int tid;
	int st = 0;

	child_of_main = fork_exit(3);
	spawn(waiter_thread, NULL, &tid, 0, NULL);
	while (!forked)
		msleep(10);
	msleep(50);
	check(waitpid(child_of_thread, &st, __WNOTHREAD | WNOHANG) < 0 &&
	      errno == ECHILD, "__WNOTHREAD: the other thread's child is not ours");
	checked = 1;
	join(&tid);
	check(nothread_err == ECHILD, "__WNOTHREAD in the thread: ECHILD too");
	check(sibling_reaped, "without it, a thread reaps its sibling's child");
	check(waitpid(child_of_thread, &st, __WNOTHREAD) == child_of_thread &&
	      WEXITSTATUS(st) == 4,
	      "the thread exited: its child is the leader's own now");
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 3 && !strcmp(argv[1], "after-exec"))
		return after_exec(argv);
	test_ids();
	test_hundred();
	test_group_exit();
	test_exec_from_thread();
	test_tls();
	test_wait_across_threads();
	test_signal_targets();
	printf("t_threads: %d failed\n", failures);
	return failures != 0;
}
