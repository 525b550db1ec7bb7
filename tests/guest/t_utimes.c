/* tests/guest/t_utimes.c — a file's times and mode set by path, by
 * descriptor and relative to a directory, against Linux (run as root):
 * utimensat with values, UTIME_NOW and UTIME_OMIT, futimens, utimes;
 * chmod through fchmodat; who may do what (EPERM for a stranger's
 * explicit times, EACCES without write permission for "now"), and the
 * errors (EINVAL, ENOENT, EBADF).
 * try: /tests/t_utimes */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define F "t_utimes.file"

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

static struct stat st_of(const char *path)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	stat(path, &st);
	return st;
}

static int as_stranger(void)
{
	struct timespec t[2] = { { 5, 0 }, { 6, 0 } };
	int bad = 0;

	if (setuid(1000))
		return 64;
	bad |= !fails_with(utimensat(AT_FDCWD, F, t, 0), EPERM);
	bad |= !fails_with(utimensat(AT_FDCWD, F, NULL, 0), EACCES) << 1;
	bad |= !fails_with(chmod(F, 0600), EPERM) << 2;
	return bad;
}

int main(void)
{
	struct timespec t[2] = { { 1000000000, 0 }, { 1100000000, 500 } };
	struct timespec omit[2] = { { 7, UTIME_OMIT }, { 1200000000, 0 } };
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	struct timeval tv[2] = { { 1300000000, 0 }, { 1400000000, 999999 } };
	struct stat st;
	char cwd[256];
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644), dfd, status;
	pid_t pid;
	time_t now = time(NULL);

	if (fd < 0 || !getcwd(cwd, sizeof(cwd)))
		return 99;
	check(utimensat(AT_FDCWD, F, t, 0) == 0 && (st = st_of(F)).st_atime == 1000000000 &&
	      st.st_mtime == 1100000000, "utimensat sets atime and mtime");
	check((time_t)st.st_ctime >= now, "... and the change time becomes now");
	check(utimensat(AT_FDCWD, F, omit, 0) == 0 && (st = st_of(F)).st_atime == 1000000000 &&
	      st.st_mtime == 1200000000, "UTIME_OMIT leaves a time as it was");
	check(futimens(fd, NULL) == 0 && (time_t)(st = st_of(F)).st_atime >= now &&
	      (time_t)st.st_mtime >= now, "futimens(NULL): both now");
	check(utimes(F, tv) == 0 && (st = st_of(F)).st_atime == 1300000000 &&
	      st.st_mtime == 1400000000, "utimes with microseconds");
	dfd = open(".", O_RDONLY);
	check(fchmodat(dfd, F, 0640, 0) == 0 && (st_of(F).st_mode & 07777) == 0640,
	      "fchmodat relative to a directory");
	check(chmod(F, 0644) == 0 && (st_of(F).st_mode & 07777) == 0644, "chmod");
	close(dfd);
	check(fails_with(utimensat(AT_FDCWD, F, bad, 0), EINVAL),
	      "a billion nanoseconds: EINVAL");
	check(fails_with(utimensat(AT_FDCWD, F, t, 0x8000), EINVAL), "unknown flags: EINVAL");
	check(fails_with(utimensat(AT_FDCWD, "t_utimes.none", t, 0), ENOENT),
	      "no such file: ENOENT");
	check(fails_with(futimens(99, t), EBADF), "a closed descriptor: EBADF");
	chmod(cwd, 0755);
	pid = fork();
	if (pid == 0)
		_exit(as_stranger());
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "another user: explicit times EPERM, now EACCES, chmod EPERM");
	close(fd);
	unlink(F);
	printf("t_utimes: %d failed\n", failures);
	return failures;
}
