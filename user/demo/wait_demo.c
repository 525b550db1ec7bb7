/* user/demo/wait_demo.c — which child can a wait reap, and from which
 * thread? Three zombies: A, forked by the leader (exit signal SIGCHLD);
 * B, cloned by the leader with exit signal SIGUSR1; C, forked by a second
 * thread. Each cell asks waitid(P_PID, child, WEXITED|WNOHANG|WNOWAIT|
 * options): "reaps" if the call could reap it, "-" if it gives ECHILD.
 * The rules (wait(2), ULK 3.5.2): without __WCLONE only children whose
 * exit signal is SIGCHLD, with it only the others, __WALL both;
 * __WNOTHREAD only the caller's own children, else those of every thread
 * of its group. TLPI 28.2.4. try: wait_demo */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK		(32 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)

static const struct {
	const char *name;
	int options;
} waits[] = {
	{ "(default)", 0 },
	{ "__WCLONE", __WCLONE },
	{ "__WALL", __WALL },
	{ "__WNOTHREAD", __WNOTHREAD },
	{ "__WALL|__WNOTHREAD", __WALL | __WNOTHREAD },
};

#define NWAITS	(int)(sizeof(waits) / sizeof(waits[0]))

static pid_t child[3];			/* A, B, C */
static volatile int step;		/* 1: C forked; 2: the thread's turn */

static int just_exit(void *arg)
{
	(void)arg;
	return 0;
}

static const char *can_reap(pid_t pid, int options)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, pid, &si, WEXITED | WNOHANG | WNOWAIT | options) < 0)
		return errno == ECHILD ? "-" : strerror(errno);
	return si.si_pid == pid ? "reaps" : "(running)";
}

static void print_rows(const char *caller)
{
	for (int i = 0; i < NWAITS; i++)
		printf("%-7s %-20s %-6s %-6s %s\n", caller, waits[i].name,
		       can_reap(child[0], waits[i].options),
		       can_reap(child[1], waits[i].options),
		       can_reap(child[2], waits[i].options));
	fflush(stdout);
}

static void msleep(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };

	nanosleep(&ts, NULL);
}

static void wait_step(int n)
{
	while (step < n)
		msleep(10);
}

static int second_thread(void *arg)
{
	(void)arg;
	child[2] = fork();
	if (child[2] == 0)
		_exit(0);
	step = 1;
	wait_step(2);
	print_rows("thread");
	return 0;
}

static void on_usr1(int sig)
{
	(void)sig;			/* B's exit signal: nothing to do */
}

/* reap_all — the thread is gone, so C is the leader's child now (an
 * exiting thread's children pass to a live thread of its group). */
static void reap_all(void)
{
	int n = 0, st;

	while (waitpid(-1, &st, __WALL) > 0)
		n++;
	printf("after the thread's exit, the leader reaps all with __WALL: "
	       "%d children\n", n);
}

int main(void)
{
	static volatile int tid;
	char *stack = malloc(STACK), *stack2 = malloc(STACK);

	signal(SIGUSR1, on_usr1);
	fflush(stdout);
	child[0] = fork();
	if (child[0] == 0)
		_exit(0);
	child[1] = clone(just_exit, stack + STACK, SIGUSR1, NULL);
	clone(second_thread, stack2 + STACK, THREAD_FLAGS, NULL, &tid, NULL,
	      &tid);
	wait_step(1);
	msleep(100);			/* A, B and C are zombies now */
	printf("A: fork() by the leader; B: clone(SIGUSR1) by the leader; "
	       "C: fork() by a second thread\n");
	printf("%-7s %-20s %-6s %-6s %s\n", "caller", "options", "A", "B",
	       "C");
	print_rows("leader");
	step = 2;
	while (tid)			/* CLONE_CHILD_CLEARTID: the join */
		syscall(240, &tid, 0, tid, NULL, 0, 0);	/* FUTEX_WAIT */
	reap_all();
	return 0;
}
