/* user/bin/cat.c — cat [file...] ("-" or none: standard input) */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* write_all — a short write (a full disk, a pipe) goes on with the
 * rest, so that a real error is the one reported. */
static int write_all(const char *buf, ssize_t n)
{
	while (n > 0) {
		ssize_t w = write(1, buf, n);

		if (w < 0)
			return -1;
		buf += w;
		n -= w;
	}
	return 0;
}

static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write_all(buf, n) < 0) {
			perror("cat: write");
			return 1;
		}
	if (n < 0) {
		perror(name);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return copy(0, "stdin");
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;

		if (fd < 0) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		if (fd)
			close(fd);
	}
	return status;
}
