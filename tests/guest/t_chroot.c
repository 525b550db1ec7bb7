/* tests/guest/t_chroot.c — chroot(2) and CLONE_FS, compared with Linux
 * (run as root on both): the root of path lookups lives in fs_struct,
 * so a chroot by one task moves every task that shares it through
 * CLONE_FS, and no task that merely forked; ".." stops at the new root;
 * the working directory stays; Linux's errors (ENOENT, ENOTDIR, EPERM).
 * try: /tests/t_chroot */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char dir[64], marker[80];
static char stack[16384] __attribute__((aligned(16)));

static int in_jail(void)
{
	return access("/t_chroot_marker", F_OK) == 0;
}

static int jailer(void *arg)
{
	(void)arg;
	return chroot(dir) ? 1 : 0;
}

/* run_in_child — fn in a forked child; its exit status. */
static int run_in_child(int (*fn)(void))
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static int errors(void)
{
	int bad = 0;

	errno = 0;
	bad |= !(chroot("/nonexistent/dir") == -1 && errno == ENOENT);
	errno = 0;
	bad |= !(chroot(marker) == -1 && errno == ENOTDIR) << 1;
	if (setuid(1000))
		return 64;
	errno = 0;
	bad |= !(chroot(dir) == -1 && errno == EPERM) << 2;
	return bad;
}

static int chroot_then_look(void)
{
	struct stat root, up;
	char cwd[128];

	if (chroot(dir))
		return 1;
	if (!in_jail())
		return 2;
	if (stat("/", &root) || stat("/../..", &up) || root.st_ino != up.st_ino)
		return 3;		/* ".." stops at the new root */
	if (!getcwd(cwd, sizeof(cwd)) && errno != ENOENT)
		return 4;
	if (chdir("/") || access("t_chroot_marker", F_OK))
		return 5;		/* the cwd moved only when asked */
	return 0;
}

static int clone_fs_moves_both(void)
{
	int st;
	pid_t pid = clone(jailer, stack + sizeof(stack), CLONE_FS | SIGCHLD, NULL);

	if (pid < 0)
		return 10;
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		return 11;
	return in_jail() ? 0 : 12;
}

static int fork_moves_only_the_child(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(jailer(NULL) || !in_jail());
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		return 20;
	return in_jail() ? 21 : 0;
}

int main(void)
{
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(dir, sizeof(dir), "/tmp/t_chroot_%d", getpid());
	snprintf(marker, sizeof(marker), "%s/t_chroot_marker", dir);
	if (mkdir(dir, 0755) || (fd = open(marker, O_WRONLY | O_CREAT, 0644)) < 0) {
		broken("a directory with a marker file");
		return failures;
	}
	close(fd);
	check(run_in_child(errors) == 0, "chroot: ENOENT for a missing path, ENOTDIR for "
	      "a file, EPERM for an unprivileged caller");
	check(run_in_child(chroot_then_look) == 0, "after chroot, / is the new "
	      "root, \"..\" stops there, the cwd stays until chdir");
	check(!in_jail(), "a child's chroot leaves its parent's root alone");
	check(run_in_child(clone_fs_moves_both) == 0, "with CLONE_FS, the "
	      "child's chroot moves its parent too: one fs_struct");
	check(run_in_child(fork_moves_only_the_child) == 0, "after fork (no "
	      "CLONE_FS), the child's chroot moves only the child");
	unlink(marker);
	rmdir(dir);
	return failures;
}
