/* libc/src/stdlib/mkstemp.c — mkstemp(3): the template's last six X's
 * become letters until an O_EXCL create succeeds (mode 0600). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int mkstemp(char *template)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t len = strlen(template);
	char *x = template + len - 6;
	unsigned long seed = (unsigned long)time(NULL) * 2654435761UL ^
			     (unsigned long)getpid();

	if (len < 6 || strcmp(x, "XXXXXX")) {
		errno = EINVAL;
		return -1;
	}
	for (int tries = 0; tries < 1000; tries++) {
		int fd;

		for (int i = 0; i < 6; i++) {
			seed = seed * 1103515245UL + 12345UL + tries;
			x[i] = set[(seed >> 16) % (sizeof(set) - 1)];
		}
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}
