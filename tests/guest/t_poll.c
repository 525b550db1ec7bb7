/* tests/guest/t_poll.c — poll, ppoll, select and pselect against Linux:
 * what a pipe's two ends say (POLLIN, POLLOUT, POLLHUP, POLLERR; a pipe is
 * writable again only when PIPE_BUF bytes fit), POLLNVAL and skipped
 * negative descriptors, sleeping until another process writes or closes,
 * timeouts that are never short, EINTR from a handler even under
 * SA_RESTART, the temporary signal mask of ppoll and pselect, a poll that
 * goes on after SIGSTOP/SIGCONT, the time left written back, and Linux's
 * errors (EINVAL, EBADF, EFAULT); and a pipe's size (F_GETPIPE_SZ,
 * F_SETPIPE_SZ), which decides when it is full.
 * try: /tests/t_poll */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int handled;

static void on_signal(int sig)
{
	(void)sig;
	handled++;
}

static int fails_with_errno(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

static short poll_one(int fd, short events, int timeout)
{
	struct pollfd p = { fd, events, -1 };

	return poll(&p, 1, timeout) < 0 ? -1 : p.revents;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* later — a child that sleeps ms, then writes a byte to wfd (or, with
 * wfd < 0, just exits, closing what it holds). */
static pid_t later(int ms, int wfd)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 0, ms * 1000000L };

		nanosleep(&ts, NULL);
		if (wfd >= 0 && write(wfd, "x", 1) != 1)
			_exit(1);
		_exit(0);
	}
	return pid;
}

static void pipe_ends(void)
{
	int p[2];
	char buf[8];

	if (pipe(p))
		return broken("pipe");
	check(poll_one(p[0], POLLIN, 0) == 0, "an empty pipe is not readable");
	check(poll_one(p[1], POLLOUT, 0) == POLLOUT, "an empty pipe is writable");
	check(poll_one(p[1], POLLIN, 0) == 0, "only what was asked is reported");
	if (write(p[1], "ab", 2) != 2)
		return broken("write");
	check(poll_one(p[0], POLLIN | POLLRDNORM, 0) == (POLLIN | POLLRDNORM),
	      "data makes the read end readable (POLLIN|POLLRDNORM)");
	close(p[1]);
	check(poll_one(p[0], POLLIN, 0) == (POLLIN | POLLHUP),
	      "data and no writer: POLLIN|POLLHUP");
	check(read(p[0], buf, sizeof(buf)) == 2, "read the data");
	check(poll_one(p[0], 0, 0) == POLLHUP,
	      "POLLHUP is reported though not asked for");
	close(p[0]);

	if (pipe(p))
		return broken("pipe");
	close(p[0]);
	check(poll_one(p[1], POLLOUT, 0) == (POLLOUT | POLLERR),
	      "no reader: the write end says POLLERR");
	close(p[1]);
}

static void pipe_full(void)
{
	int p[2], n = 0;
	char page[4096];

	if (pipe2(p, O_NONBLOCK))
		return broken("pipe2");
	memset(page, 'p', sizeof(page));
	while (write(p[1], page, sizeof(page)) == sizeof(page))
		n++;
	check(n == 16, "a pipe holds 16 pages");
	check(poll_one(p[1], POLLOUT, 0) == 0, "a full pipe is not writable");
	check(read(p[0], page, 100) == 100, "read 100 bytes");
	check(poll_one(p[1], POLLOUT, 0) == 0,
	      "100 bytes of room: still not writable (PIPE_BUF must fit)");
	check(read(p[0], page, 3996) == 3996, "read the rest of a page");
	check(poll_one(p[1], POLLOUT, 0) == POLLOUT,
	      "a page of room: writable again");
	close(p[0]);
	close(p[1]);
}

static void pipe_sizes(void)
{
	int p[2], n = 0, fd;
	char buf[8192];

	if (pipe2(p, O_NONBLOCK))
		return broken("pipe2");
	check(fcntl(p[0], F_GETPIPE_SZ) == 65536, "a pipe holds 64 KiB at first");
	check(fcntl(p[1], F_SETPIPE_SZ, 100) == 4096,
	      "F_SETPIPE_SZ rounds up to a page (and says so)");
	memset(buf, 'a', sizeof(buf));
	while (write(p[1], buf, 1000) == 1000)
		n++;
	check(n == 4 && poll_one(p[1], POLLOUT, 0) == 0,
	      "then four 1000-byte writes fill it; not writable");
	check(fcntl(p[1], F_SETPIPE_SZ, 12000) == 16384,
	      "grown to a power of two of pages, with data in it");
	check(write(p[1], "bcd", 3) == 3 && read(p[0], buf, sizeof(buf)) == 4003 &&
	      buf[0] == 'a' && buf[3999] == 'a' && !memcmp(buf + 4000, "bcd", 3),
	      "the bytes kept their order");
	check(write(p[1], buf, 5000) == 5000 &&
	      fails_with_errno(fcntl(p[1], F_SETPIPE_SZ, 4096), EBUSY),
	      "smaller than what it holds: EBUSY");
	fd = open("t_poll.size", O_RDWR | O_CREAT | O_TRUNC, 0644);
	check(fails_with_errno(fcntl(fd, F_GETPIPE_SZ), EBADF),
	      "F_GETPIPE_SZ of a file: EBADF");
	close(fd);
	unlink("t_poll.size");
	close(p[0]);
	close(p[1]);
}

static void descriptors(void)
{
	struct pollfd fds[3] = { { -1, POLLIN, -1 }, { 999, POLLIN, -1 },
				 { 1, POLLOUT, -1 } };
	int r = poll(fds, 3, 0);

	check(r == 2, "a negative fd is skipped, a closed one counts");
	check(fds[0].revents == 0, "negative fd: revents 0");
	check(fds[1].revents == POLLNVAL, "closed fd: POLLNVAL");
	check(poll(NULL, 0, 10) == 0, "no descriptors at all: a sleep");
	errno = 0;
	check(poll((struct pollfd *)8, 1, 0) == -1 && errno == EFAULT,
	      "a bad array: EFAULT");
}

static void sleeps(void)
{
	int p[2], st;
	pid_t pid;
	struct timespec t0;
	struct pollfd fds[2];

	if (pipe(p))
		return broken("pipe");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(poll_one(p[0], POLLIN, 30) == 0, "nothing comes: poll times out");
	check(ms_since(&t0) >= 30, "... after no less than the timeout");

	pid = later(50, p[1]);
	fds[0] = (struct pollfd){ p[0], POLLIN, 0 };
	fds[1] = (struct pollfd){ p[0], POLLOUT, 0 };
	check(poll(fds, 2, -1) == 1 && fds[0].revents == POLLIN,
	      "another process's write wakes a poll with no timeout");
	waitpid(pid, &st, 0);
	close(p[0]);
	close(p[1]);

	if (pipe(p))
		return broken("pipe");
	pid = later(50, -1);	/* holds the write end until it exits */
	close(p[1]);
	check(poll_one(p[0], POLLIN, 5000) == POLLHUP,
	      "the last writer's exit wakes the reader with POLLHUP");
	waitpid(pid, &st, 0);
	close(p[0]);
}

static void interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct timespec ts = { 0, 40000000 };
	int p[2], st;
	pid_t pid;

	if (pipe(p))
		return broken("pipe");
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	pid = fork();
	if (pid == 0) {
		nanosleep(&ts, NULL);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	errno = 0;
	handled = 0;
	check(poll_one(p[0], POLLIN, -1) == -1 && errno == EINTR && handled,
	      "a handler ends poll with EINTR, SA_RESTART or not");
	waitpid(pid, &st, 0);

	/* a stop and SIGCONT without a handler: poll goes on to its deadline */
	pid = fork();
	if (pid == 0)
		_exit(poll_one(p[0], POLLIN, 300) == 0 ? 0 : 1);
	nanosleep(&ts, NULL);
	kill(pid, SIGSTOP);
	nanosleep(&ts, NULL);
	kill(pid, SIGCONT);
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "after SIGSTOP and SIGCONT poll resumes and times out");
	close(p[0]);
	close(p[1]);
}

/* temporary_mask — SIGUSR1 blocked and pending: a call whose mask lets it
 * in returns EINTR after its handler ran, and the caller's mask is back. */
static void temporary_mask(const char *what, int use_pselect)
{
	sigset_t block, open_mask, now;
	int p[2], r;
	char line[100];

	if (pipe(p))
		return broken("pipe");
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	sigemptyset(&open_mask);
	handled = 0;
	errno = 0;
	if (use_pselect) {
		fd_set in;

		FD_ZERO(&in);
		FD_SET(p[0], &in);
		r = pselect(p[0] + 1, &in, NULL, NULL, NULL, &open_mask);
	} else {
		struct pollfd fd = { p[0], POLLIN, 0 };

		r = ppoll(&fd, 1, NULL, &open_mask);
	}
	sigprocmask(SIG_BLOCK, NULL, &now);
	snprintf(line, sizeof(line), "%s: its mask lets a pending signal in (EINTR)", what);
	check(r == -1 && errno == EINTR && handled == 1, line);
	snprintf(line, sizeof(line), "%s: the caller's mask is back after", what);
	check(sigismember(&now, SIGUSR1) == 1, line);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	close(p[0]);
	close(p[1]);
}

static void time_left(void)
{
	struct timespec ts = { 1, 0 }, zero = { 0, 0 };
	struct timeval tv = { 0, 50000 };
	struct pollfd fd = { 1, POLLOUT, 0 };
	int p[2];
	fd_set in;

	check(ppoll(&fd, 1, &ts, NULL) == 1, "ppoll: a writable fd at once");
	if (pipe(p))
		return broken("pipe");
	FD_ZERO(&in);
	FD_SET(p[0], &in);
	check(select(p[0] + 1, &in, NULL, NULL, &tv) == 0 && !FD_ISSET(p[0], &in),
	      "select times out with the set cleared");
	check(tv.tv_sec == 0 && tv.tv_usec == 0, "select: no time left, 0 written back");
	tv = (struct timeval){ 5, 0 };
	FD_ZERO(&in);
	FD_SET(1, &in);
	check(select(2, NULL, &in, NULL, &tv) == 1, "select: stdout is writable");
	check(tv.tv_sec == 4 || (tv.tv_sec == 5 && tv.tv_usec == 0),
	      "select: the time left is written back, never more than asked");
	fd.fd = p[0];
	fd.events = POLLIN;
	check(syscall(SYS_ppoll, &fd, 1, &zero, NULL, 0) == 0 &&
	      zero.tv_sec == 0 && zero.tv_nsec == 0, "a zero timeout stays zero");
	close(p[0]);
	close(p[1]);
}

static void select_rules(void)
{
	struct timeval tv = { 0, 0 }, bad = { 0, -1 };
	struct timespec ts = { 0, 1000000000 };
	struct pollfd pfd = { 0, POLLIN, 0 };
	struct rlimit rl;
	struct pollfd many[65];
	unsigned long mask[2] = { 0, 0 };
	int p[2], fd;
	fd_set r, w;

	if (pipe(p))
		return broken("pipe");
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	check(select(p[1] + 1, &r, &w, NULL, &tv) == 1 && !FD_ISSET(p[0], &r) &&
	      FD_ISSET(p[1], &w), "select: the write end only");
	fd = open("t_poll.file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return broken("open");
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fd, &r);
	FD_SET(fd, &w);
	check(select(fd + 1, &r, &w, NULL, &tv) == 2,
	      "a disk file is readable and writable: counted twice");
	close(fd);
	unlink("t_poll.file");
	FD_ZERO(&r);
	FD_SET(fd, &r);
	errno = 0;
	check(select(fd + 1, &r, NULL, NULL, &tv) == -1 && errno == EBADF,
	      "select on a closed descriptor: EBADF");
	errno = 0;
	check(select(-1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL,
	      "select with a negative count: EINVAL");
	errno = 0;
	check(select(0, NULL, NULL, NULL, &bad) == -1 && errno == EINVAL,
	      "select with negative microseconds: EINVAL");
	errno = 0;
	check(ppoll(&pfd, 1, &ts, NULL) == -1 && errno == EINVAL,
	      "ppoll with a billion nanoseconds: EINVAL");
	errno = 0;
	check(syscall(SYS_ppoll, &pfd, 1, NULL, mask, 4) == -1 && errno == EINVAL,
	      "ppoll with a sigset size other than 8: EINVAL");
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = 64;
	setrlimit(RLIMIT_NOFILE, &rl);
	memset(many, 0, sizeof(many));
	for (int i = 0; i < 65; i++)
		many[i].fd = -1;
	errno = 0;
	check(poll(many, 65, 0) == -1 && errno == EINVAL,
	      "more entries than RLIMIT_NOFILE: EINVAL");
	check(poll(many, 64, 0) == 0, "as many as RLIMIT_NOFILE: fine");
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	pipe_ends();
	pipe_full();
	pipe_sizes();
	descriptors();
	sleeps();
	interrupted();
	temporary_mask("ppoll", 0);
	temporary_mask("pselect", 1);
	time_left();
	select_rules();
	printf("t_poll: %d failed\n", failures);
	return failures;
}
