/* user/demo/clone_demo.c — what each clone() flag shares, shown from the
 * parent after the child changed things. ULK 3.4; TLPI 28.2 (demo_clone).
 * try: clone_demo        (nothing shared: like fork)
 *      clone_demo vdfs   (VM, FILES, FS, SIGHAND: like a thread)
 * letters: v=CLONE_VM d=CLONE_FILES f=CLONE_FS s=CLONE_SIGHAND (needs v) */
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

static int global = 1;
static int fd;

static void handler(int sig)
{
	(void)sig;
}

static int child(void *arg)
{
	(void)arg;
	global = 2;
	close(fd);
	umask(077);
	chdir("/tmp");
	chroot("/tmp");		/* the root is in fs_struct too */
	signal(SIGUSR1, handler);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: clone_demo [vdfs]\n"
		"  v CLONE_VM, d CLONE_FILES, f CLONE_FS, s CLONE_SIGHAND (needs v)\n");
	exit(2);
}

/* parse — the flags the letters name; anything else is a usage error */
static int parse(const char *letters)
{
	int flags = 0;

	for (; letters && *letters; letters++) {
		switch (*letters) {
		case 'v': flags |= CLONE_VM; break;
		case 'd': flags |= CLONE_FILES; break;
		case 'f': flags |= CLONE_FS; break;
		case 's': flags |= CLONE_SIGHAND; break;
		default: usage();
		}
	}
	return flags;
}

int main(int argc, char **argv)
{
	int flags = parse(argc > 1 ? argv[1] : NULL), status;
	char *stack = malloc(65536);
	struct stat tmp, at;
	pid_t pid;

	fd = open("/", O_RDONLY);
	umask(022);
	chdir("/");
	stat("/tmp", &tmp);
	printf("clone(%s%s%s%s SIGCHLD): the child sets a global, closes fd %d,\n"
	       "sets umask 077, chdirs and chroots to /tmp and installs a SIGUSR1\n"
	       "handler.\n",
	       flags & CLONE_VM ? "VM|" : "", flags & CLONE_FILES ? "FILES|" : "",
	       flags & CLONE_FS ? "FS|" : "", flags & CLONE_SIGHAND ? "SIGHAND|" : "",
	       fd);
	fflush(stdout);
	pid = clone(child, stack + 65536, flags | SIGCHLD, NULL);
	if (pid < 0) {
		printf("clone failed: %s\n", strerror(errno));
		if (errno == EINVAL && (flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
			printf("clone(2): CLONE_SIGHAND needs CLONE_VM (shared "
			       "handlers must run in a shared address space)\n");
		return 1;
	}
	waitpid(pid, &status, 0);
	printf("  global variable changed (CLONE_VM):  %s\n", global == 2 ? "yes" : "no");
	printf("  fd closed (CLONE_FILES):             %s\n",
	       fcntl(fd, F_GETFD) < 0 ? "yes" : "no");
	printf("  umask changed (CLONE_FS):            %s\n", umask(022) == 077 ? "yes" : "no");
	stat(".", &at);
	printf("  working directory moved (CLONE_FS):  %s\n",
	       at.st_ino == tmp.st_ino ? "yes" : "no");
	stat("/", &at);
	printf("  root moved by chroot (CLONE_FS):     %s\n",
	       at.st_ino == tmp.st_ino ? "yes" : "no");
	printf("  SIGUSR1 handler seen (CLONE_SIGHAND): %s\n",
	       signal(SIGUSR1, SIG_DFL) == handler ? "yes" : "no");
	return 0;
}
