/* user/bin/init.c — pid 1. Linux's init duties, in small:
 * - run /etc/rc if there is one, then an interactive /bin/sh; or, when
 *   the kernel command line ends in "-- prog args", run just that;
 * - reap every orphan the kernel hands it (wait() in a loop);
 * - when the shell (or prog) ends, write the disk back and power off;
 * - around a prog, compare the kernel's counters (/dev/kstat): once it
 *   and all it started are reaped, nothing may be left allocated.
 * try: make run (the shell), or CMDLINE="-- /bin/echo hi" make run-kernel */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const shell[] = { "/bin/sh", NULL };
static char *const rc[] = { "/bin/sh", "/etc/rc", NULL };

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (pid < 0)
		perror("init: fork");
	return pid;
}

#define KSTAT_MAX	1024

static void read_kstat(char *buf)
{
	int fd = open("/dev/kstat", O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, KSTAT_MAX - 1);

	buf[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
}

/* leak_check — every counter must be as before, but the free frames and
 * the buffers: the block cache keeps what was read (and is left out of
 * heap_bytes and frames by the kernel). */
static void leak_check(const char *before, const char *after)
{
	const char *b = before, *a = after;
	int leaks = 0;

	while (*b && *a) {
		size_t lb = strcspn(b, "\n"), la = strcspn(a, "\n");

		if ((lb != la || strncmp(a, b, la)) &&
		    strncmp(a, "free_frames", 11) && strncmp(a, "buffers", 7)) {
			printf("init: leak: %.*s -> %.*s\n", (int)lb, b, (int)la, a);
			leaks++;
		}
		b += lb + (b[lb] != 0);
		a += la + (a[la] != 0);
	}
	if (!leaks && *before)
		printf("init: leak check: nothing left allocated\n");
}

/* run — start argv and reap children until it is the one that ends. */
static int run(char *const argv[])
{
	pid_t pid = spawn(argv), w;
	int status = 0;

	while (pid > 0 && (w = wait(&status)) != pid)
		if (w < 0)
			break;
	return status;
}

int main(int argc, char **argv)
{
	int status;

	if (getpid() != 1) {
		fprintf(stderr, "init: must be run as process 1\n");
		return 1;
	}
	if (argc > 1) {
		char before[KSTAT_MAX], after[KSTAT_MAX];

		read_kstat(after);		/* the same stack pages as later */
		read_kstat(before);
		status = run(argv + 1);
		read_kstat(after);
		if (WIFSIGNALED(status))
			printf("init: %s killed by signal %d\n", argv[1],
			       WTERMSIG(status));
		else
			printf("init: %s exited with status %d\n", argv[1],
			       WEXITSTATUS(status));
		leak_check(before, after);
	} else {
		if (access("/etc/rc", R_OK) == 0)
			run(rc);
		run(shell);
	}
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
