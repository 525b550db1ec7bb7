/* tests/guest/t_ioctl.c — the ioctls every descriptor answers, against
 * Linux (do_vfs_ioctl): FIOCLEX and FIONCLEX (close-on-exec, as fcntl
 * sees it), FIONBIO (O_NONBLOCK), FIONREAD (bytes a read would get: of
 * a file from the offset, of a pipe in it), FIOQSIZE (the space a file
 * takes: st_blocks * 512);
 * ENOTTY for what a file does not know, EBADF for no file.
 * try: /tests/t_ioctl */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

int main(void)
{
	int fd = open("t_ioctl.file", O_RDWR | O_CREAT | O_TRUNC, 0644), p[2];
	int n = -1, on = 1, off = 0;
	long long size = -1;
	struct winsize ws;
	struct stat st;
	char c;

	if (fd < 0 || write(fd, "0123456789", 10) != 10 || pipe(p)) {
		broken("a file and a pipe");
		return failures;
	}
	check(ioctl(fd, FIOCLEX) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
	      "FIOCLEX sets close-on-exec");
	check(ioctl(fd, FIONCLEX) == 0 && fcntl(fd, F_GETFD) == 0,
	      "FIONCLEX clears it");
	lseek(fd, 4, SEEK_SET);
	check(ioctl(fd, FIONREAD, &n) == 0 && n == 6,
	      "FIONREAD of a file: the bytes from the offset to the end");
	/* Linux counts the blocks allocated so far (ext4 allocates at
	 * write-back, so 0 until then): at most what stat shows */
	check(fstat(fd, &st) == 0 && ioctl(fd, FIOQSIZE, &size) == 0 &&
	      size >= 0 && size <= (long long)st.st_blocks * 512,
	      "FIOQSIZE: the space it takes, at most st_blocks * 512");
	check(fails_with(ioctl(fd, TIOCGWINSZ, &ws), ENOTTY),
	      "a terminal's request on a file: ENOTTY");
	check(write(p[1], "abc", 3) == 3 && ioctl(p[0], FIONREAD, &n) == 0 && n == 3,
	      "FIONREAD of a pipe: the bytes in it");
	check(fails_with(ioctl(p[0], FIOQSIZE, &size), ENOTTY), "FIOQSIZE of a pipe: ENOTTY");
	check(read(p[0], &c, 1) == 1 && ioctl(p[0], FIONREAD, &n) == 0 && n == 2,
	      "... one fewer after a read");
	read(p[0], &c, 1);
	read(p[0], &c, 1);
	check(ioctl(p[0], FIONBIO, &on) == 0 && (fcntl(p[0], F_GETFL) & O_NONBLOCK) &&
	      fails_with(read(p[0], &c, 1), EAGAIN),
	      "FIONBIO on: an empty pipe's read is EAGAIN");
	check(ioctl(p[0], FIONBIO, &off) == 0 && !(fcntl(p[0], F_GETFL) & O_NONBLOCK),
	      "FIONBIO off");
	check(fails_with(ioctl(99, FIONREAD, &n), EBADF), "no such descriptor: EBADF");
	close(fd);
	close(p[0]);
	close(p[1]);
	unlink("t_ioctl.file");
	printf("t_ioctl: %d failed\n", failures);
	return failures;
}
