/* user/test/share_check.c — the checks of the lab "syscall": task_share(2)
 * against /proc/PID/task/TID/sharing, for the caller, a thread, a forked
 * child and bad arguments, and /bin/share printing the same lines. TAP
 * lines (tests/guest/check.h); clonix only: Linux has no such call. The
 * number is fixed (500), so that this compiles before the call exists.
 * try: share_check */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <clonix/task_share.h>
#include "../../tests/guest/check.h"

#define NR_task_share	500

static long task_share(pid_t tid, struct task_share *s)
{
	return syscall(NR_task_share, tid, s);
}

/* as_text — s in the lines of /proc/PID/task/TID/sharing */
static void as_text(const struct task_share *s, char *buf, size_t size)
{
	snprintf(buf, size, "mm\t%u\t%d\nfiles\t%u\t%d\nfs\t%u\t%d\n"
		 "sighand\t%u\t%d\nsignal\t%u\t%d\n", s->mm.id, s->mm.users,
		 s->files.id, s->files.users, s->fs.id, s->fs.users,
		 s->sighand.id, s->sighand.users, s->signal.id, s->signal.users);
}

/* proc_text — what /proc says of tid (a thread of our own process or
 * another's); empty when it cannot be read. */
static void proc_text(pid_t tgid, pid_t tid, char *buf, size_t size)
{
	char path[64];
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/sharing", tgid, tid);
	if ((f = fopen(path, "r"))) {
		n = fread(buf, 1, size - 1, f);
		fclose(f);
	}
	buf[n] = 0;
}

static int same_as_proc(pid_t tgid, pid_t tid, const struct task_share *s)
{
	char mine[256], proc[256];

	as_text(s, mine, sizeof(mine));
	proc_text(tgid, tid, proc, sizeof(proc));
	return !strcmp(mine, proc);
}

static volatile int thread_tid, thread_go;

static void *sleeper(void *arg)
{
	(void)arg;
	thread_tid = gettid();
	while (!thread_go)
		usleep(1000);
	return NULL;
}

static void test_self_and_thread(void)
{
	struct task_share me, again, th;
	pthread_t t;

	check(task_share(0, &me) == 0 && same_as_proc(getpid(), gettid(), &me),
	      "task_share(0): the caller's, as /proc says");
	check(me.mm.users == 1 && me.files.users == 1 && me.signal.users == 1,
	      "one thread: each structure has one user");
	pthread_create(&t, NULL, sleeper, NULL);
	while (!thread_tid)
		usleep(1000);
	check(task_share(thread_tid, &th) == 0 &&
	      same_as_proc(getpid(), thread_tid, &th),
	      "task_share(tid) of a thread, as /proc says");
	check(task_share(0, &again) == 0 && th.mm.id == again.mm.id &&
	      th.files.id == again.files.id && th.fs.id == again.fs.id &&
	      th.sighand.id == again.sighand.id && th.signal.id == again.signal.id,
	      "a thread shares all five with its creator: the same ids");
	check(again.mm.users == 2 && again.files.users == 2 &&
	      again.fs.users == 2 && again.sighand.users == 2 &&
	      again.signal.users == 2, "... and each has two users");
	thread_go = 1;
	pthread_join(t, NULL);
}

static void test_fork(void)
{
	struct task_share me, child;
	int go[2], st;
	pid_t pid;
	char c = 0;

	pipe(go);
	pid = fork();
	if (pid == 0) {
		read(go[0], &c, 1);
		_exit(0);
	}
	check(task_share(0, &me) == 0 && task_share(pid, &child) == 0 &&
	      same_as_proc(pid, pid, &child),
	      "task_share of a forked child, as /proc says");
	check(child.mm.id != me.mm.id && child.files.id != me.files.id &&
	      child.fs.id != me.fs.id && child.sighand.id != me.sighand.id &&
	      child.signal.id != me.signal.id && child.mm.users == 1,
	      "a forked child shares none of them");
	write(go[1], &c, 1);
	waitpid(pid, &st, 0);
	check(task_share(pid, &child) < 0 && errno == ESRCH,
	      "a task that is gone: ESRCH");
}

static void test_errors(void)
{
	check(task_share(0, (struct task_share *)8) < 0 && errno == EFAULT,
	      "a bad pointer: EFAULT");
	check(task_share(0, (struct task_share *)0xC0001000) < 0 &&
	      errno == EFAULT, "a kernel pointer: EFAULT");
	check(task_share(-5, NULL) < 0 && errno == EINVAL,
	      "a negative tid: EINVAL");
	check(task_share(99999, NULL) < 0 && errno == ESRCH,
	      "no such task: ESRCH");
}

/* test_share_command — /bin/share 1 prints what /proc says of init */
static void test_share_command(void)
{
	char out[256] = "", proc[256];
	FILE *p = popen("/bin/share 1", "r");
	size_t n = p ? fread(out, 1, sizeof(out) - 1, p) : 0;

	out[n] = 0;
	if (p)
		pclose(p);
	proc_text(1, 1, proc, sizeof(proc));
	check(n > 0 && !strcmp(out, proc), "share 1 prints /proc/1/task/1/sharing");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_self_and_thread();
	test_fork();
	test_errors();
	test_share_command();
	printf("share_check: %d failed\n", failures);
	return failures != 0;
}
