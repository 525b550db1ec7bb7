/* user/demo/share_demo.c — one snapshot of who shares what: a thread
 * (clone with VM, FILES, FS, SIGHAND, THREAD), a fork child and a clone
 * child that shares only the address space and the files, all alive at
 * once; then ps's view of them, and the frames of the fork pair, which
 * share every page copy-on-write until one writes. tools/picture.py
 * (make picture) draws it with graphviz. ULK 3.4; TLPI 28.2.
 * try: share_demo */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREAD	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		 CLONE_THREAD | CLONE_SYSVSEM | CLONE_CHILD_CLEARTID)

static volatile int done;
static char data[3 * 4096] = "touched";	/* pages the fork pair shares */

static int wait_until_done(void *arg)
{
	(void)arg;
	while (!done)
		sched_yield();
	return 0;
}

static void cat(const char *path)
{
	char buf[1024];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	static volatile int tid;
	char path[64];
	pid_t forked, vmchild, ps;

	data[4096] = data[8192] = 1;
	clone(wait_until_done, (char *)malloc(32768) + 32768, THREAD, NULL,
	      (int *)&tid, NULL, (int *)&tid);
	forked = fork();
	if (forked == 0) {
		pause();
		_exit(0);
	}
	vmchild = clone(wait_until_done, (char *)malloc(32768) + 32768,
			CLONE_VM | CLONE_FILES | SIGCHLD, NULL);
	printf("share_demo: a thread, a fork child and a VM|FILES clone child\n");
	fflush(stdout);
	ps = fork();
	if (ps == 0) {
		execl("/bin/ps", "ps", (char *)NULL);
		_exit(127);
	}
	waitpid(ps, NULL, 0);
	printf("frames of %d (parent):\n", getpid());
	fflush(stdout);
	snprintf(path, sizeof(path), "/proc/%d/frames", getpid());
	cat(path);
	printf("frames of %d (fork child):\n", forked);
	fflush(stdout);
	snprintf(path, sizeof(path), "/proc/%d/frames", forked);
	cat(path);
	done = 1;
	kill(forked, SIGTERM);
	waitpid(forked, NULL, 0);
	waitpid(vmchild, NULL, 0);
	while (tid)
		sched_yield();
	printf("share_demo: done\n");
	return 0;
}
