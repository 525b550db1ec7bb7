/* user/test/exhaust.c — run the kernel out of each resource and check that
 * it answers with the errno Linux gives, and that everything comes back:
 *	exhaust tasks	a fork bomb: EAGAIN at threads-max (root too) and at
 *			RLIMIT_NPROC (not root)
 *	exhaust memory	ENOMEM from mmap and brk (RLIMIT_AS, bigger than
 *			RAM); fork, clone, pipe and open failing at each of
 *			their allocations in turn (/dev/fail-nth), each time
 *			ENOMEM with nothing leaked; then the OOM killer
 *	exhaust files	EMFILE at RLIMIT_NOFILE from open, dup and pipe
 *	exhaust disk	ENOSPC from a full disk; the host runs e2fsck after
 * The kernel must stay up; init's leak check after the run must pass.
 * clonix only: on Linux these would exhaust the host.
 * try: exhaust tasks */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kstat.h"

#define MiB		(1024 * 1024)

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	failures += !ok;
}

/* ---- tasks ---- */

/* bomb — fork children that wait on a pipe until fork fails; returns
 * how many were made, *err the failing errno. The children end when the
 * pipe's write end closes. */
static int bomb(int *err)
{
	int p[2], n = 0;
	char c;

	pipe(p);
	fflush(stdout);
	for (;;) {
		pid_t pid = fork();

		if (pid == 0) {
			close(p[1]);
			read(p[0], &c, 1);
			_exit(0);
		}
		if (pid < 0) {
			*err = errno;
			break;
		}
		n++;
	}
	close(p[0]);
	close(p[1]);
	while (wait(NULL) > 0)
		;
	return n;
}

static void test_tasks(void)
{
	char k[KSTAT_MAX];
	long max, now;
	int err = 0, n, st;
	pid_t pid;

	kstat_read(k);
	max = kstat_value(k, "threads_max");
	now = kstat_value(k, "threads");
	n = bomb(&err);
	printf("exhaust: root's fork bomb: %d forks, then %s (threads-max "
	       "%ld, %ld tasks before)\n", n, strerror(err), max, now);
	check(err == EAGAIN && n == max - now,
	      "root: fork fails with EAGAIN exactly at threads-max");
	kstat_read(k);
	check(kstat_value(k, "threads") == now, "... and every task is gone again");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct rlimit r = { 10, 10 };

		setrlimit(RLIMIT_NPROC, &r);
		setuid(1000);
		n = bomb(&err);
		printf("exhaust: uid 1000's fork bomb: %d forks, then %s\n", n,
		       strerror(err));
		fflush(stdout);
		_exit(err == EAGAIN && n == 9 ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "uid 1000 with RLIMIT_NPROC 10: nine forks, then EAGAIN");
	pid = fork();
	if (pid == 0) {
		fork();	/* the system is usable again: fork, wait, exit */
		while (wait(NULL) > 0)
			;
		_exit(0);
	}
	check(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st),
	      "after the bombs, fork works");
}

/* ---- memory ---- */

static int fail_fd = -1;

static void fail_nth(int n)
{
	char num[16];

	lseek(fail_fd, 0, SEEK_SET);
	write(fail_fd, num, snprintf(num, sizeof(num), "%d", n));
}

static int try_fork(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, &st, 0);
	return pid < 0 ? -errno : 0;
}

static void *thread_fn(void *arg)
{
	return arg;
}

static int try_thread(void)
{
	pthread_t t;
	int err = pthread_create(&t, NULL, thread_fn, NULL);

	if (!err)
		pthread_join(t, NULL);
	return -err;
}

static int try_pipe(void)
{
	int p[2];

	if (pipe(p) < 0)
		return -errno;
	close(p[0]);
	close(p[1]);
	return 0;
}

static int try_open(void)
{
	int fd = open("/etc/motd", O_RDONLY);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

/* walk — make call's 1st, 2nd, ... allocation fail until it succeeds;
 * each failure must be the errno expected, and leave every object count
 * as it was. */
static void walk(const char *name, int (*call)(void), int expect)
{
	char before[KSTAT_MAX], after[KSTAT_MAX], what[96];
	const char *kind;
	int n, r, bad = 0, leaks = 0, len;
	long b, a;

	call();				/* warm up: our own memory settles */
	fflush(stdout);
	for (n = 1; n < 200; n++) {
		kstat_read(before);
		fail_nth(n);
		r = call();
		fail_nth(0);
		kstat_read(after);
		kind = kstat_next_leak(before, after, &len, &b, &a);
		if (kind && !leaks++)
			printf("exhaust: %s failing at allocation %d leaked: %.*s "
			       "(%ld -> %ld)\n", name, n, len, kind, b, a);
		if (r == 0)
			break;
		if (r == -ENFILE && call == try_pipe)
			r = -expect;	/* Linux: no pipe inode is ENFILE */
		if (r != -expect && !bad++)
			printf("exhaust: %s failing at allocation %d: %s\n", name,
			       n, strerror(-r));
	}
	printf("exhaust: %s: %d allocations, each failure tried\n", name, n - 1);
	snprintf(what, sizeof(what), "%s fails with %s at every allocation "
		 "and leaks nothing", name, strerror(expect));
	check(n > 1 && n < 200 && !bad && !leaks, what);
}

static void test_rlimit_as(void)
{
	struct rlimit r = { 16 * MiB, 16 * MiB };
	void *p;

	check(mmap(NULL, 1024 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE |
		   MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == ENOMEM,
	      "mmap of more than all RAM: ENOMEM");
	setrlimit(RLIMIT_AS, &r);
	check(mmap(NULL, 32 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE |
		   MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == ENOMEM,
	      "RLIMIT_AS 16 MiB: mmap of 32 MiB is ENOMEM");
	check(sbrk(32 * MiB) == (void *)-1 && errno == ENOMEM,
	      "... sbrk of 32 MiB is ENOMEM");
	p = malloc(32 * MiB);
	check(!p && errno == ENOMEM, "... malloc of 32 MiB is NULL, ENOMEM");
	r.rlim_cur = r.rlim_max = RLIM_INFINITY;
	setrlimit(RLIMIT_AS, &r);
}

/* hog — touch memory until the OOM killer ends us. */
static void hog(void)
{
	for (;;) {
		char *p = mmap(NULL, MiB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(3);
		for (int i = 0; i < MiB; i += 4096)
			p[i] = 1;
	}
}

static void test_oom(void)
{
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		hog();
	waitpid(pid, &st, 0);
	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	      "a process that touches all memory is killed with SIGKILL");
	check(try_fork() == 0, "after the OOM kill, fork works");
}

static void test_memory(void)
{
	fail_fd = open("/dev/fail-nth", O_RDWR);
	check(fail_fd >= 0, "/dev/fail-nth opens");
	test_rlimit_as();
	walk("fork", try_fork, ENOMEM);
	walk("pthread_create", try_thread, EAGAIN);
	walk("pipe", try_pipe, ENOMEM);
	walk("open", try_open, ENOMEM);
	test_oom();
}

/* ---- files ---- */

static void test_files(void)
{
	struct rlimit r = { 16, 16 };
	int fd, n = 0, p[2];

	setrlimit(RLIMIT_NOFILE, &r);
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		n++;
	check(errno == EMFILE && n == 13, "RLIMIT_NOFILE 16: 13 opens after "
	      "0-2, then EMFILE");
	check(dup(0) < 0 && errno == EMFILE, "dup: EMFILE");
	check(pipe(p) < 0 && errno == EMFILE, "pipe: EMFILE");
	for (fd = 3; fd < 16; fd++)
		close(fd);
	check(pipe(p) == 0, "after closing them, pipe works");
}

/* ---- disk ---- */

static void test_disk(void)
{
	static char buf[64 * 1024];
	int fd = open("/tmp/fill", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long total = 0, r;
	struct stat st;

	memset(buf, 'x', sizeof(buf));
	while ((r = write(fd, buf, sizeof(buf))) > 0)
		total += r;
	printf("exhaust: the disk took %ld KiB, then %s\n", total / 1024,
	       r < 0 ? strerror(errno) : "a write of 0");
	check(r < 0 && errno == ENOSPC, "a full disk: write fails with ENOSPC");
	check(mkdir("/tmp/d", 0755) < 0 && errno == ENOSPC,
	      "mkdir on a full disk: ENOSPC");
	close(fd);
	fd = open("/tmp/small", O_RDWR | O_CREAT | O_TRUNC, 0644);
	lseek(fd, 5000, SEEK_SET);
	check(write(fd, (void *)0xC0000000, 100) < 0 && errno == EFAULT &&
	      fstat(fd, &st) == 0 && st.st_size == 0 && st.st_blocks == 0,
	      "a bad write past the end leaves size and blocks at 0");
	close(fd);
	check(unlink("/tmp/fill") == 0 && unlink("/tmp/small") == 0,
	      "the files are removed");
	fd = open("/tmp/after", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	check(write(fd, buf, sizeof(buf)) == sizeof(buf),
	      "then a 64 KiB write works again");
	close(fd);
	unlink("/tmp/after");
	sync();
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} tests[] = {
		{ "tasks", test_tasks }, { "memory", test_memory },
		{ "files", test_files }, { "disk", test_disk },
	};

	for (int i = 1; i < argc; i++)
		for (unsigned t = 0; t < sizeof(tests) / sizeof(*tests); t++)
			if (!strcmp(argv[i], tests[t].name))
				tests[t].fn();
	printf("exhaust: %d failed\n", failures);
	return failures != 0;
}
