/* user/bin/trace.c — turn on the kernel's narration for one command and
 * everything it starts: "trace cow cow_demo 4". The channels (cow, clone,
 * exit, wait, acct, fault, mm, syscall, sync, boot, or all) go to this
 * process's /proc/self/trace; then it execs the command, which keeps
 * them, and so does every child it forks (a task's trace channels are
 * inherited like its signal mask: see copy_process). Without a command,
 * it prints the channels it would pass on. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[128];
	int fd;
	ssize_t n;

	if (argc < 2) {
		fprintf(stderr, "usage: trace CHANNEL[,CHANNEL...] [COMMAND [ARG...]]\n"
			"channels: boot mm cow syscall fault clone exit wait acct "
			"sync, or all; none turns them off\n");
		return 2;
	}
	fd = open("/proc/self/trace", O_WRONLY);
	if (fd < 0 || write(fd, argv[1], strlen(argv[1])) < 0) {
		perror(fd < 0 ? "trace: /proc/self/trace" : argv[1]);
		return 1;
	}
	close(fd);
	if (argc == 2) {
		fd = open("/proc/self/trace", O_RDONLY);
		while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
			write(1, buf, n);
		return 0;
	}
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
