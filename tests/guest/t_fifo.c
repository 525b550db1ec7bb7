/* tests/guest/t_fifo.c — named pipes (FIFOs) and mknod(2) against Linux
 * (run as root): mkfifo makes a node that stat calls a FIFO; opening it
 * for reading waits for a writer and for writing waits for a reader,
 * unless O_NONBLOCK (a reader goes on, a writer gets ENXIO) or O_RDWR;
 * the bytes go through as in a pipe, end of file once the writer closed;
 * the node stays, empty; mknod's rules (EEXIST, EPERM for a directory or
 * for a device by a user, EINVAL for an unknown type).
 * try: /tests/t_fifo */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define FIFO "t_fifo.node"

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

static int child_status(pid_t pid)
{
	int st;

	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static int as_user(void)
{
	if (setuid(1000))
		return 64;
	return fails_with(mknod("t_fifo.d/dev", S_IFCHR | 0600, 0x103), EPERM) ? 0 : 1;
}

static void open_rules(void)
{
	struct stat st;
	char buf[32];
	int fd, w;

	unlink(FIFO);
	check(mkfifo(FIFO, 0644) == 0 && stat(FIFO, &st) == 0 && S_ISFIFO(st.st_mode) &&
	      (st.st_mode & 0777) == (0644 & ~umask(022)), "mkfifo: a FIFO node");
	check(fails_with(mkfifo(FIFO, 0644), EEXIST), "again: EEXIST");
	check(fails_with(open(FIFO, O_WRONLY | O_NONBLOCK), ENXIO),
	      "a non-blocking writer without a reader: ENXIO");
	fd = open(FIFO, O_RDONLY | O_NONBLOCK);
	check(fd >= 0 && read(fd, buf, sizeof(buf)) == 0,
	      "a non-blocking reader opens at once; no writer: end of file");
	w = open(FIFO, O_WRONLY | O_NONBLOCK);
	check(w >= 0 && write(w, "through", 7) == 7 && read(fd, buf, sizeof(buf)) == 7 &&
	      !memcmp(buf, "through", 7), "with a reader there, a writer opens; bytes go through");
	check(fcntl(w, F_GETPIPE_SZ) == 65536, "a FIFO is a pipe: F_GETPIPE_SZ");
	close(w);
	close(fd);
}

static void rendezvous(void)
{
	struct stat st;
	char buf[32];
	int fd, n = 0;
	pid_t pid = fork();

	if (pid == 0) {		/* blocks in open until the parent reads */
		int cw = open(FIFO, O_WRONLY);

		_exit(cw >= 0 && write(cw, "rendezvous", 10) == 10 ? 0 : 1);
	}
	fd = open(FIFO, O_RDONLY);	/* blocks until the child opens */
	while (fd >= 0 && n < 10) {
		int r = read(fd, buf + n, sizeof(buf) - n);

		if (r <= 0)
			break;
		n += r;
	}
	check(n == 10 && !memcmp(buf, "rendezvous", 10),
	      "a blocking writer and reader meet; the bytes arrive");
	check(child_status(pid) == 0 && read(fd, buf, sizeof(buf)) == 0,
	      "the writer gone: end of file");
	close(fd);
	fd = open(FIFO, O_RDWR);
	check(fd >= 0 && write(fd, "x", 1) == 1 && read(fd, buf, 1) == 1,
	      "O_RDWR opens both ends at once");
	close(fd);
	check(stat(FIFO, &st) == 0 && st.st_size == 0, "the node stays, empty");
}

static void mknod_rules(void)
{
	struct stat st;
	int fd;
	pid_t pid;

	check(fails_with(mknod("t_fifo.dir", S_IFDIR | 0755, 0), EPERM),
	      "mknod of a directory: EPERM");
	check(fails_with(mknod("t_fifo.bad", 0170000 | 0644, 0), EINVAL),
	      "an unknown type: EINVAL");
	check(mknod("t_fifo.reg", 0644, 0) == 0 && stat("t_fifo.reg", &st) == 0 &&
	      S_ISREG(st.st_mode), "type 0: a regular file");
	check(mknod("t_fifo.null", S_IFCHR | 0666, 0x103) == 0 &&
	      stat("t_fifo.null", &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == 0x103,
	      "root makes a device node (1,3)");
	fd = open("t_fifo.null", O_WRONLY);
	check(fd >= 0 && write(fd, "gone", 4) == 4, "... and it is /dev/null");
	close(fd);
	chmod(".", 0755);		/* the user can look paths up */
	mkdir("t_fifo.d", 0777);
	chmod("t_fifo.d", 0777);	/* writable: only the device is refused */
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	check(child_status(pid) == 0, "a user may not make a device: EPERM");
	rmdir("t_fifo.d");
	unlink("t_fifo.reg");
	unlink("t_fifo.null");
}

int main(void)
{
	open_rules();
	rendezvous();
	mknod_rules();
	unlink(FIFO);
	printf("t_fifo: %d failed\n", failures);
	return failures;
}
