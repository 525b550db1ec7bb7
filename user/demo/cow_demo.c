/* user/demo/cow_demo.c — copy-on-write seen from user space: after fork
 * the pages are shared; each first write in parent or child costs one
 * minor fault (a COW break); writes after that cost nothing. ULK 9.4.4;
 * TLPI 24.2.2. Boot with trace=cow to see each break on the console.
 * try: cow_demo 16   (pages to touch) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static long touch(char *p, int pages, char c)
{
	long before = minflt();

	for (int i = 0; i < pages; i++)
		p[i * PAGE] = c;
	return minflt() - before;
}

int main(int argc, char **argv)
{
	int pages = argc > 1 ? atoi(argv[1]) : 16, status;
	char *buf = malloc((pages + 1) * PAGE);
	pid_t pid;

	buf = (char *)(((unsigned long)buf + PAGE - 1) & ~(PAGE - 1));
	printf("first touch of %d pages: %ld minor faults (demand zero)\n", pages,
	       touch(buf, pages, 'p'));
	printf("second touch: %ld minor faults\n", touch(buf, pages, 'p'));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("child writes: %ld minor faults (copy: the parent still "
		       "shares each frame)\n", touch(buf, pages, 'c'));
		printf("child writes again: %ld\n", touch(buf, pages, 'c'));
		printf("child sees its own data: %s\n", buf[0] == 'c' ? "yes" : "no");
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent writes after the child is gone: %ld minor faults (no copy: "
	       "each frame has one user left, it is made writable)\n",
	       touch(buf, pages, 'P'));
	printf("parent sees its own data: %s\n", buf[0] == 'P' ? "yes" : "no");
	return 0;
}
