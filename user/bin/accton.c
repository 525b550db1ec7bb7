/* user/bin/accton.c — accton [file] — turn process accounting on into
 * file (created if missing, as TLPI's acct_on), or off without one.
 * From then on every process that ends appends a record; read them
 * with dumpacct. try: accton /var/log/pacct; ls; accton; dumpacct */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/acct.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : NULL;
	int fd;

	if (path && (fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0)
		close(fd);
	if (acct(path) < 0) {
		fprintf(stderr, "accton: %s: %s\n", path ? path : "off",
			strerror(errno));
		return 1;
	}
	printf("accounting %s%s\n", path ? "on into " : "off",
	       path ? path : "");
	return 0;
}
