/* user/demo/vfork_demo.c — vfork: the parent is suspended until the
 * child execs or exits, and until then they share memory (the child runs
 * on the parent's stack). ULK 3.4.1; TLPI 24.3. try: vfork_demo */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int shared;

int main(void)
{
	struct timespec ts = { 0, 200000000 };
	int status;
	pid_t pid;

	printf("parent: vfork()\n");
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		nanosleep(&ts, NULL);	/* the parent cannot run meanwhile */
		shared = 42;
		write(1, "child: wrote 42 into the parent's memory, now _exit\n", 52);
		_exit(0);
	}
	printf("parent: resumed after the child's _exit; shared = %d (%s)\n", shared,
	       shared == 42 ? "the child's write" : "not shared?");
	waitpid(pid, &status, 0);
	return 0;
}
