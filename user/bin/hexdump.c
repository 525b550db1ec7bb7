/* user/bin/hexdump.c — hexdump [file] — bytes in hex, 16 a line (hexdump -C style). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned char buf[16];
	unsigned long off = 0;
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;
	ssize_t n;

	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		printf("%08lx ", off);
		for (int i = 0; i < 16; i++)
			printf(i < n ? " %02x" : "   ", buf[i]);
		printf("  |");
		for (int i = 0; i < n; i++)
			putchar(buf[i] >= 32 && buf[i] < 127 ? buf[i] : '.');
		printf("|\n");
		off += n;
	}
	printf("%08lx\n", off);
	return 0;
}
