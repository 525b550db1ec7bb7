/* tests/guest/t_isolation.c — what a process may not touch, compared with
 * Linux: kernel memory (a fault is SIGSEGV, a system call given such a
 * pointer EFAULT), its own text, another process's memory after fork
 * (copy-on-write while both write at once, from two threads on one
 * side), and, when not root, acct, reboot, setuid(0) and other users'
 * processes (EPERM).
 * try: /tests/t_isolation */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acct.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define NR_reboot	88
#define COW_SIZE	(256 * 1024)
#define ROUNDS		20


static int fails_with(long r, int err)
{
	return r == -1 && errno == err;
}

/* ---- kernel addresses ---- */

static volatile unsigned long fault_addr;

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	_exit(si->si_addr == (void *)fault_addr ? 100 + si->si_code : 99);
}

/* touch — in a child with a SIGSEGV handler: read (or write) addr; the
 * child's exit status says how the fault was reported. */
static int touch(unsigned long addr, int write)
{
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct sigaction sa = { .sa_sigaction = on_segv,
					.sa_flags = SA_SIGINFO };

		sigaction(SIGSEGV, &sa, NULL);
		fault_addr = addr;
		if (write)
			*(volatile char *)addr = 1;
		else
			(void)*(volatile char *)addr;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_kernel_addresses(void)
{
	static const unsigned long addrs[] = { 0xC0000000, 0xC0100000,
					       0xE0000000, 0xFFFFF000 };
	char what[96];
	int ok = 1;

	for (unsigned i = 0; i < sizeof(addrs) / sizeof(*addrs); i++)
		for (int w = 0; w < 2; w++) {
			int r = touch(addrs[i], w);

			if (r != 100 + SEGV_MAPERR) {
				snprintf(what, sizeof(what), "%s %#lx: status %d",
					 w ? "write" : "read", addrs[i], r);
				check(0, what);
				ok = 0;
			}
		}
	check(ok, "reading or writing 4 kernel addresses: SIGSEGV, "
	      "SEGV_MAPERR, si_addr the address");
}

static void test_efault(void)
{
	char *k = (char *)0xC0100000;
	int fd = open("/dev/zero", O_RDONLY), p[2], next;
	struct rlimit rl;

	pipe(p);
	check(fails_with(read(fd, k, 16), EFAULT), "read into kernel memory: EFAULT");
	check(fails_with(write(p[1], k, 16), EFAULT), "write from kernel memory: EFAULT");
	check(fails_with(open(k, O_RDONLY), EFAULT), "open of a kernel-address path: EFAULT");
	check(fails_with(syscall(SYS_stat64, "/", k), EFAULT), "stat into the kernel: EFAULT");
	check(fails_with(syscall(SYS_gettimeofday, k, NULL), EFAULT),
	      "gettimeofday into the kernel: EFAULT");
	check(fails_with(uname((struct utsname *)k), EFAULT), "uname into the kernel: EFAULT");
	check(fails_with(syscall(SYS_ugetrlimit, RLIMIT_NOFILE, k), EFAULT) &&
	      getrlimit(RLIMIT_NOFILE, &rl) == 0, "getrlimit into the kernel: EFAULT");
	check(fails_with(syscall(SYS_rt_sigaction, SIGUSR1, k, NULL, 8), EFAULT),
	      "sigaction from the kernel: EFAULT");
	next = dup(0);
	close(next);
	check(fails_with(pipe((int *)k), EFAULT) && dup(0) == next,
	      "pipe into the kernel: EFAULT, and no descriptor left open");
	close(next);
	check(fails_with(read(fd, (char *)0xBFFFFFF0 + 0x20, 16), EFAULT),
	      "a buffer that starts at the top of user space: EFAULT");
	close(fd);
	close(p[0]);
	close(p[1]);
}

/* ---- own text ---- */

static void test_own_text(void)
{
	int r = touch((unsigned long)test_own_text, 1);

	check(r == 100 + SEGV_ACCERR,
	      "writing our own text: SIGSEGV, SEGV_ACCERR");
}

/* ---- copy-on-write isolation ---- */

static unsigned char *cow;

static void fill(unsigned char v, int from, int to)
{
	for (int r = 0; r < ROUNDS; r++)
		for (int i = from; i < to; i += 64)
			cow[i] = v + r;
}

static int all(unsigned char v, int from, int to)
{
	for (int i = from; i < to; i += 64)
		if (cow[i] != v)
			return 0;
	return 1;
}

static void *fill_half(void *arg)
{
	(void)arg;
	fill('T', COW_SIZE / 2, COW_SIZE);
	return NULL;
}

/* test_cow_isolation — after fork, parent (two threads) and child write
 * the same pages at the same time; each must see only its own writes. */
static void test_cow_isolation(void)
{
	int go[2], st;
	char c = 'g';
	pthread_t t;
	pid_t pid;

	cow = malloc(COW_SIZE);
	memset(cow, 'P', COW_SIZE);
	pipe(go);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read(go[0], &c, 1);
		fill('C', 0, COW_SIZE);
		_exit(all('C' + ROUNDS - 1, 0, COW_SIZE) ? 0 : 1);
	}
	write(go[1], &c, 1);	/* both start writing now */
	pthread_create(&t, NULL, fill_half, NULL);
	fill('M', 0, COW_SIZE / 2);
	pthread_join(t, NULL);
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "the child sees only its own writes");
	check(all('M' + ROUNDS - 1, 0, COW_SIZE / 2) &&
	      all('T' + ROUNDS - 1, COW_SIZE / 2, COW_SIZE),
	      "the parent's two threads see only theirs");
	free(cow);
	close(go[0]);
	close(go[1]);
}

/* ---- not root ---- */

static void not_root(void)
{
	setgid(1000);
	setuid(1000);
	check(fails_with(acct("/tmp/acct-isolation"), EPERM), "acct: EPERM");
	check(fails_with(syscall(NR_reboot, 0, 0, 0, NULL), EPERM),
	      "reboot: EPERM (before its magic is looked at)");
	check(fails_with(setuid(0), EPERM), "setuid(0): EPERM");
	check(fails_with(setgid(0), EPERM), "setgid(0): EPERM");
	check(fails_with(kill(1, SIGKILL), EPERM), "kill of init: EPERM");
	check(kill(-1, 0) == 0, "kill(-1, 0): 0 (others exist, even if "
	      "none may be signalled)");
}

static void test_not_root(void)
{
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		failures = 0;
		not_root();
		fflush(stdout);
		_exit(failures);
	}
	waitpid(pid, &st, 0);
	failures += WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int main(void)
{
	test_kernel_addresses();
	test_efault();
	test_own_text();
	test_cow_isolation();
	test_not_root();
	printf("t_isolation: %d failed\n", failures);
	return failures != 0;
}
