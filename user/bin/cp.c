/* user/bin/cp.c — cp src dst — copy a file. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4096];
	ssize_t n;
	int in, out;

	if (argc != 3) {
		fprintf(stderr, "usage: cp src dst\n");
		return 2;
	}
	if ((in = open(argv[1], O_RDONLY)) < 0) {
		perror(argv[1]);
		return 1;
	}
	if ((out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0) {
		perror(argv[2]);
		return 1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n) {
			perror(argv[2]);
			return 1;
		}
	return n < 0 || close(out) < 0;
}
