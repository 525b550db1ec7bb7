/* user/demo/threads_demo.c — a thread group: a leader and three threads
 * made with clone(CLONE_THREAD...), each printing its PID (= TGID), TID
 * and PPID; then /dev/tasks shows the one mm, files, fs and sighand they
 * share. ULK 3.1 and 3.4; TLPI 28.2.1 and 29. try: threads_demo */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
	       CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static volatile int go;

static void row(const char *who)
{
	printf("%-8s getpid()=%-5d gettid()=%-5d getppid()=%d\n", who, getpid(),
	       gettid(), getppid());
	fflush(stdout);
}

static int thread(void *arg)
{
	row(arg);
	while (!go)
		sched_yield();
	return 0;
}

static void show_tasks(void)
{
	char buf[4096];
	int fd = open("/dev/tasks", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return;		/* not clonix */
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

int main(void)
{
	static const char *names[] = { "thread1", "thread2", "thread3" };
	static volatile int tids[3];

	row("leader");
	for (int i = 0; i < 3; i++)
		clone(thread, (char *)malloc(32768) + 32768, FLAGS, (void *)names[i],
		      &tids[i], NULL, &tids[i]);
	for (int i = 0; i < 20; i++)
		sched_yield();
	printf("\nOne TGID, four TIDs, one parent. The kernel's view (one mm, "
	       "files, fs and sighand, each used 4 times):\n");
	fflush(stdout);
	show_tasks();
	go = 1;
	for (int i = 0; i < 3; i++)
		while (tids[i])
			syscall(240, &tids[i], 0, tids[i], NULL, 0, 0);
	return 0;
}
