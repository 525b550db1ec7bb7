/* user/demo/acct_demo.c — BSD process accounting, one case a child:
 * turns accounting on into a file, runs children that end in telling
 * ways, turns it off, and shows the records with dumpacct. Expect, in
 * exit order: a fork without exec (F), an exec'd true, a SIGSEGV death
 * (D X: core and signal), a process of uid 1000, a CPU burner (utime),
 * a 4 MiB toucher (mem, minflt), and acct_demo itself (written when it
 * turns accounting off). TLPI 28.1. try: acct_demo [file] */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/acct.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int *volatile nowhere;

static void run(const char *what, void (*body)(void))
{
	pid_t pid;

	printf("acct_demo: %s\n", what);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		body();
		_exit(0);
	}
	waitpid(pid, NULL, 0);
}

static void fork_only(void) { _exit(2); }
static void exec_true(void) { execl("/bin/true", "true", (char *)NULL); }
static void segfault(void) { *nowhere = 1; }

static void as_user(void)
{
	setgid(1000);
	setuid(1000);
	execl("/bin/true", "true", (char *)NULL);
}

static void burn_cpu(void)
{
	volatile unsigned long x = 0;

	for (unsigned long i = 0; i < 100000000UL; i++)
		x += i;
}

static void touch_memory(void)
{
	volatile char *p = malloc(4 << 20);

	for (int i = 0; i < 4 << 20; i += 4096)
		p[i] = 1;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/var/log/pacct.demo";

	close(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	if (acct(path) < 0) {
		perror("acct_demo: acct");
		return 1;
	}
	run("a fork that never execs", fork_only);
	run("a child that execs /bin/true", exec_true);
	run("a child killed by SIGSEGV", segfault);
	run("a child of uid 1000", as_user);
	run("a CPU burner", burn_cpu);
	run("a 4 MiB toucher", touch_memory);
	acct(NULL);
	printf("acct_demo: accounting off; the records:\n");
	fflush(stdout);
	execl("/bin/dumpacct", "dumpacct", path, (char *)NULL);
	perror("acct_demo: dumpacct");
	return 1;
}
