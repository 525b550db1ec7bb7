/* tests/guest/t_locks.c — advisory locks against Linux: fcntl's POSIX
 * record locks (conflicts, F_GETLK's answer, ranges merged and cut, every
 * lock dropped by the close of any descriptor of the file, none
 * inherited by fork, F_SETLKW sleeping until the unlock, EDEADLK for a
 * cycle), open file description locks (F_OFD_*: per open, not per
 * process), flock(2) (whole file, shared by fork, apart from fcntl's),
 * and Linux's errors (EAGAIN, EBADF, EINVAL).
 * try: /tests/t_locks */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define FILE_NAME	"t_locks.file"

static int lock(int fd, int cmd, short type, long start, long len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET,
			    .l_start = start, .l_len = len };

	return fcntl(fd, cmd, &fl);
}

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

/* in_child — fn(fd of a fresh open) in a forked child; its exit status */
static int in_child(int (*fn)(int))
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open(FILE_NAME, O_RDWR);

		_exit(fd < 0 ? 99 : fn(fd));
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

/* getlk — what F_GETLK says of [start, start+len) as a write lock, as an
 * exit status: 0 for F_UNLCK, else 100 for F_WRLCK (50 for F_RDLCK) +
 * the lock's start in tens * 10 + its length in tens; the pid is checked
 * to be the parent's */
static int getlk(int fd, long start, long len)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
			    .l_start = start, .l_len = len };

	if (fcntl(fd, F_GETLK, &fl))
		return 250;
	if (fl.l_type == F_UNLCK)
		return 0;
	if (fl.l_pid != getppid() || fl.l_whence != SEEK_SET)
		return 251;
	return (fl.l_type == F_WRLCK ? 100 : 50) + fl.l_start / 10 * 10 +
	       fl.l_len / 10;
}

static int child_sees_0_10(int fd) { return getlk(fd, 5, 1); }
static int child_sets_5(int fd) { return lock(fd, F_SETLK, F_WRLCK, 5, 1) ? errno : 0; }
static int child_sets_20(int fd) { return lock(fd, F_SETLK, F_WRLCK, 20, 5) ? errno : 0; }
static int child_reads(int fd) { return lock(fd, F_SETLK, F_RDLCK, 0, 0) ? errno : 0; }
static int child_hole(int fd) { return getlk(fd, 45, 10); }
static int child_after_hole(int fd) { return getlk(fd, 50, 20); }
static int child_whole(int fd) { return getlk(fd, 0, 0); }

static void posix_locks(int fd)
{
	int fd2;

	check(lock(fd, F_SETLK, F_WRLCK, 0, 10) == 0, "a write lock on bytes 0-9");
	check(in_child(child_sees_0_10) == 100 + 0 + 1,
	      "another process's F_GETLK: F_WRLCK at 0, length 10, our pid");
	check(in_child(child_sets_5) == EAGAIN, "its F_SETLK inside: EAGAIN");
	check(in_child(child_sets_20) == 0, "its lock beside it: granted");
	check(lock(fd, F_SETLK, F_RDLCK, 0, 0) == 0,
	      "our own lock turns to a read lock to the end of the file");
	check(in_child(child_reads) == 0, "another reader shares it");
	check(in_child(child_sets_5) == EAGAIN, "another writer does not");
	check(lock(fd, F_SETLK, F_WRLCK, 0, 100) == 0 &&
	      lock(fd, F_SETLK, F_UNLCK, 40, 20) == 0 &&
	      lock(fd, F_SETLK, F_UNLCK, 100, 0) == 0,
	      "write-lock 0-99, unlock 40-59 and 100 on");
	check(in_child(child_hole) == 0, "the hole is free");
	check(in_child(child_after_hole) == 100 + 60 + 4,
	      "past it: the cut lock 60-99");
	fd2 = open(FILE_NAME, O_RDONLY);
	close(fd2);
	check(in_child(child_whole) == 0,
	      "closing another descriptor of the file drops every lock");
}

static int child_waits(int fd)
{
	/* F_SETLKW sleeps until the parent unlocks; then 0 */
	return lock(fd, F_SETLKW, F_WRLCK, 0, 1) ? errno : 0;
}

static char child_state(pid_t pid)
{
	char path[64], buf[256], *p;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (!(f = fopen(path, "r")))
		return '?';
	p = fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
	fclose(f);
	return p ? p[2] : '?';
}

static void wait_asleep(pid_t pid)
{
	struct timespec ts = { 0, 5000000 };

	for (int i = 0; i < 2000 && child_state(pid) != 'S'; i++)
		nanosleep(&ts, NULL);
}

static void sleeping_and_deadlock(int fd)
{
	int p[2], st;
	char c;
	pid_t pid;

	if (pipe(p))
		return broken("pipe");
	check(lock(fd, F_SETLK, F_WRLCK, 0, 1) == 0, "we lock byte 0");
	pid = fork();
	if (pid == 0) {
		int cfd = open(FILE_NAME, O_RDWR);

		close(p[0]);
		if (lock(cfd, F_SETLK, F_WRLCK, 1, 1))	/* byte 1 is its own */
			_exit(98);
		if (write(p[1], "r", 1) != 1)
			_exit(97);
		_exit(child_waits(cfd));	/* behind our byte 0 */
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		return broken("child ready");
	wait_asleep(pid);
	errno = 0;
	check(fails_with(lock(fd, F_SETLKW, F_WRLCK, 1, 1), EDEADLK),
	      "waiting for its byte while it waits for ours: EDEADLK");
	check(lock(fd, F_SETLK, F_UNLCK, 0, 1) == 0, "we unlock byte 0");
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "the sleeping F_SETLKW gets it then");
	close(p[0]);
}

static void errors(void)
{
	int ro = open(FILE_NAME, O_RDONLY), wo = open(FILE_NAME, O_WRONLY);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = 7 };

	check(fails_with(lock(ro, F_SETLK, F_WRLCK, 0, 1), EBADF),
	      "a write lock through a read-only descriptor: EBADF");
	check(fails_with(lock(wo, F_SETLK, F_RDLCK, 0, 1), EBADF),
	      "a read lock through a write-only one: EBADF");
	check(fails_with(lock(wo, F_SETLK, 5, 0, 1), EINVAL), "an unknown type: EINVAL");
	check(fails_with(fcntl(wo, F_SETLK, &fl), EINVAL), "an unknown whence: EINVAL");
	check(fails_with(lock(wo, F_SETLK, F_WRLCK, -5, 1), EINVAL),
	      "a range before byte 0: EINVAL");
	check(fails_with(lock(wo, F_SETLK, F_WRLCK, 5, -10), EINVAL),
	      "a negative length reaching before byte 0: EINVAL");
	check(lock(wo, F_SETLK, F_WRLCK, 10, -5) == 0 && lock(wo, F_SETLK, F_UNLCK, 0, 0) == 0,
	      "a negative length locks the bytes before the start");
	check(fails_with(lock(wo, F_GETLK, F_UNLCK, 0, 1), EINVAL), "F_GETLK of F_UNLCK: EINVAL");
	close(ro);
	close(wo);
}

static void ofd_locks(void)
{
	int a = open(FILE_NAME, O_RDWR), b = open(FILE_NAME, O_RDWR);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 10 };

	check(fcntl(a, F_OFD_SETLK, &fl) == 0, "an OFD write lock through one open");
	check(fails_with(fcntl(b, F_OFD_SETLK, &fl), EAGAIN),
	      "another open of the same process: EAGAIN");
	check(fails_with(lock(b, F_SETLK, F_WRLCK, 0, 10), EAGAIN),
	      "a POSIX lock of the same process: EAGAIN too");
	fl.l_type = F_RDLCK;
	check(fcntl(b, F_OFD_GETLK, &fl) == 0 && fl.l_type == F_WRLCK &&
	      fl.l_pid == -1 && fl.l_len == 10, "F_OFD_GETLK: the lock, pid -1");
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET };
	check(flock(a, LOCK_EX) == 0 && fcntl(b, F_OFD_GETLK, &fl) == 0 &&
	      fl.l_type == F_WRLCK && fl.l_start == 0 && fl.l_len == 10,
	      "a flock lock of the same open file leaves its OFD lock alone");
	flock(a, LOCK_UN);
	fl = (struct flock){ .l_type = F_WRLCK, .l_pid = 1 };
	check(fails_with(fcntl(b, F_OFD_SETLK, &fl), EINVAL), "an OFD request with a pid: EINVAL");
	close(a);
	fl = (struct flock){ .l_type = F_WRLCK, .l_len = 10 };
	check(fcntl(b, F_OFD_SETLK, &fl) == 0, "the lock went with its open file's close");
	close(b);
}

static int child_flock_ex(int fd) { return flock(fd, LOCK_EX | LOCK_NB) ? errno : 0; }
static int child_flock_sh(int fd) { return flock(fd, LOCK_SH | LOCK_NB) ? errno : 0; }
static int child_fcntl_wr(int fd) { return lock(fd, F_SETLK, F_WRLCK, 0, 0) ? errno : 0; }

static void flock_locks(int fd)
{
	int st;
	pid_t pid;

	check(flock(fd, LOCK_EX) == 0, "flock LOCK_EX");
	check(in_child(child_flock_ex) == EWOULDBLOCK, "another open: LOCK_EX|LOCK_NB EWOULDBLOCK");
	check(in_child(child_flock_sh) == EWOULDBLOCK, "... and LOCK_SH|LOCK_NB");
	check(in_child(child_fcntl_wr) == 0, "fcntl's locks do not meet flock's");
	pid = fork();
	if (pid == 0)
		_exit(flock(fd, LOCK_EX | LOCK_NB) ? 1 : 0);
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a fork child shares the open file, and with it the lock");
	check(flock(fd, LOCK_SH) == 0 && in_child(child_flock_sh) == 0,
	      "turned to LOCK_SH: another reader gets in");
	check(flock(fd, LOCK_UN) == 0 && in_child(child_flock_ex) == 0, "LOCK_UN: free");
	check(fails_with(flock(fd, 0), EINVAL), "no operation: EINVAL");
	check(fails_with(flock(99, LOCK_SH), EBADF), "a closed descriptor: EBADF");
}

int main(void)
{
	int fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644);

	setvbuf(stdout, NULL, _IONBF, 0);
	if (fd < 0 || write(fd, "0123456789", 10) != 10) {
		broken("a file to lock");
		return failures;
	}
	posix_locks(fd);
	sleeping_and_deadlock(fd);
	errors();
	ofd_locks();
	flock_locks(fd);
	close(fd);
	unlink(FILE_NAME);
	printf("t_locks: %d failed\n", failures);
	return failures;
}
