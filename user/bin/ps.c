/* user/bin/ps.c — the task list: PID, TGID, PPID, state and command,
 * read from /dev/tasks (clonix's text view of the kernel's task list). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char buf[4096];
	ssize_t n;
	int fd = open("/dev/tasks", O_RDONLY);

	if (fd < 0) {
		perror("/dev/tasks");
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	return n < 0;
}
