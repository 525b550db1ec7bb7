/* tests/guest/t_basic.c — the first user-mode test: process and memory
 * system calls checked from user space. The same binary runs on Linux
 * (the oracle) and on clonix; its output states relations, never raw pids
 * or addresses, so the two runs compare line by line.
 * try: make run-kernel CMDLINE=test=user, or build/tests/t_basic on Linux */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define PAGE	4096

static int global = 1;

/* child_status — run fn in a child, return its wait status. */
static int child_status(int (*fn)(void))
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fn());
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void test_args(int argc, char **argv, char **envp)
{
	const char *slash = strrchr(argv[0], '/');

	check(argc >= 1 && argv[argc] == NULL, "argv is NULL-terminated");
	check(!strcmp(slash ? slash + 1 : argv[0], "t_basic"),
	      "argv[0] names the program");
	check(envp == argv + argc + 1, "envp follows argv on the stack");
}

static void test_ids(void)
{
	check(getpid() > 0 && getpid() == gettid(),
	      "getpid() == gettid() in a single-threaded process");
	check(getppid() > 0 && getppid() != getpid(), "getppid() is another process");
}

static void test_brk(void)
{
	char *old = sbrk(0), *p = sbrk(3 * PAGE);

	check(p == old && sbrk(0) == old + 3 * PAGE, "sbrk grows the heap");
	memset(p, 0x5a, 3 * PAGE);
	check(p[0] == 0x5a && p[3 * PAGE - 1] == 0x5a, "new heap is writable");
	check(sbrk(-2 * PAGE) == old + 3 * PAGE && sbrk(0) == old + PAGE,
	      "sbrk shrinks the heap");
}

static char *area;

static int touch_middle(void)
{
	area[PAGE] = 1;		/* unmapped: SIGSEGV */
	return 0;
}

static int write_readonly(void)
{
	area[0] = 1;		/* PROT_READ: SIGSEGV */
	return 0;
}

static void test_mmap(void)
{
	int zero = 1;

	area = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(area != MAP_FAILED, "mmap of 3 anonymous pages");
	for (int i = 0; i < 3 * PAGE; i++)
		zero &= area[i] == 0;
	check(zero, "anonymous pages read as zero");
	area[0] = area[2 * PAGE] = 7;
	check(munmap(area + PAGE, PAGE) == 0, "munmap of the middle page");
	check(area[0] == 7 && area[2 * PAGE] == 7, "pages around it survive");
	check(WIFSIGNALED(child_status(touch_middle)) &&
	      WTERMSIG(child_status(touch_middle)) == 11,
	      "touching the unmapped page kills with SIGSEGV");
	check(mprotect(area, PAGE, PROT_READ) == 0, "mprotect PROT_READ");
	check(WTERMSIG(child_status(write_readonly)) == 11,
	      "writing a read-only page kills with SIGSEGV");
	errno = 0;
	check(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
	      MAP_FAILED && errno == EINVAL, "mmap of 0 bytes: EINVAL");
	check(munmap(area + 1, PAGE) < 0 && errno == EINVAL,
	      "munmap of an unaligned address: EINVAL");
	check(mprotect(area + 1, PAGE, PROT_READ) < 0 && errno == EINVAL,
	      "mprotect of an unaligned address: EINVAL");
	munmap(area, 3 * PAGE);
}

/* readable — can the kernel read one byte at p (write(2) to a pipe)? */
static int readable(const char *p)
{
	int fds[2], ok;
	char c;

	if (pipe(fds) < 0)
		return -1;
	ok = write(fds[1], p, 1) == 1;
	if (ok)
		read(fds[0], &c, 1);
	close(fds[0]);
	close(fds[1]);
	return ok;
}

/* test_ranges_over_two_areas — munmap and mprotect of a range that begins
 * in one area and ends inside the next: the next is cut at the end, its
 * tail stays as it was (the kernel once dropped the whole second area,
 * leaving its pages mapped with no area: a frame leak, found by fuzz). */
static void test_ranges_over_two_areas(void)
{
	char *a = mmap(NULL, 6 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	a[0] = a[3 * PAGE] = 1;
	mprotect(a + 3 * PAGE, 3 * PAGE, PROT_READ);	/* now two areas */
	check(munmap(a + 2 * PAGE, 2 * PAGE) == 0,
	      "munmap from the middle of one area into the next");
	check(readable(a + 5 * PAGE) == 1 && readable(a + 3 * PAGE) == 0 &&
	      readable(a + PAGE) == 1, "... the tail of the next one stays");
	munmap(a, 6 * PAGE);
	a = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(a + 2 * PAGE, 2 * PAGE, PROT_READ);
	check(mprotect(a + PAGE, 2 * PAGE, PROT_NONE) == 0 &&
	      readable(a + 3 * PAGE) == 1 && readable(a + 2 * PAGE) == 0,
	      "mprotect over two areas stops at its end");
	munmap(a, 4 * PAGE);
}

/* fpu_work — long enough that the timer preempts it; the x87 registers
 * must come back intact each time (the kernel saves them per task). */
static double fpu_work(double x)
{
	for (int i = 0; i < 3000000; i++)
		x = x * 0.999999 + 1.0;
	return x;
}

static void test_fpu(void)
{
	double alone = fpu_work(2.0), together;
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fpu_work(7.0) == fpu_work(7.0) ? 0 : 1);
	together = fpu_work(2.0);
	waitpid(pid, &st, 0);
	check(together == alone && WEXITSTATUS(st) == 0,
	      "floating point in two processes at once: both exact");
}

static int *shared;

static int write_shared(void)
{
	*shared = 42;
	return 0;
}

static void test_shared_mapping(void)
{
	shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	check(shared != MAP_FAILED, "mmap MAP_SHARED|MAP_ANONYMOUS");
	*shared = 1;
	check(child_status(write_shared) == 0 && *shared == 42,
	      "a shared mapping stays shared across fork");
	munmap(shared, PAGE);
}

static int child_sees_copy(void)
{
	int seen = global;

	global = 99;
	return seen == 1 ? 7 : 1;
}

static void test_fork(void)
{
	int status = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(child_sees_copy());
	global = 2;		/* after fork: invisible to the child */
	check(pid > 0 && waitpid(pid, &status, 0) == pid, "waitpid reaps the child");
	check(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "child saw the value from before fork, exit status 7");
	check(global == 2, "child's write is invisible to the parent");
	global = 1;
	check(waitpid(-1, &status, 0) < 0 && errno == ECHILD,
	      "waitpid with no children: ECHILD");
	check(waitpid(-1, &status, 0x10000) < 0 && errno == EINVAL,
	      "waitpid with an unknown option: EINVAL");
}

static int exit_three(void)
{
	return 3;
}

static void test_wait_efault(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(exit_three());
	check(wait4(pid, (int *)1, 0, NULL) < 0 && errno == EFAULT,
	      "wait4 with a bad status pointer: EFAULT");
	check(waitpid(pid, NULL, 0) < 0 && errno == ECHILD,
	      "... and the child was reaped all the same");
}

/* depth — n frames of 1 KiB each; returns n + 1 if every frame's byte
 * survived the deeper calls. */
static int depth(int n)
{
	volatile char buf[1024];

	buf[0] = 1;
	buf[sizeof(buf) - 1] = 1;
	return n ? depth(n - 1) + (buf[0] & buf[sizeof(buf) - 1]) : 1;
}

static int null_write(void)
{
	*(volatile int *)0 = 1;
	return 0;
}

static void test_faults_and_errors(void)
{
	check(depth(512) == 513, "the stack grows to 512 KiB on demand");
	check(WTERMSIG(child_status(null_write)) == 11,
	      "a NULL write kills the child with SIGSEGV");
	check(write(1, (void *)0xC0000000, 4) < 0 && errno == EFAULT,
	      "write from a kernel address: EFAULT");
	check(write(1, (void *)16, 4) < 0 && errno == EFAULT,
	      "write from an unmapped address: EFAULT");
	check(write(99, "x", 1) < 0 && errno == EBADF, "write to fd 99: EBADF");
	check(syscall(9999) < 0 && errno == ENOSYS, "syscall 9999: ENOSYS");
}

int main(int argc, char **argv, char **envp)
{
	test_args(argc, argv, envp);
	test_ids();
	test_brk();
	test_mmap();
	test_ranges_over_two_areas();
	test_fork();
	test_shared_mapping();
	test_fpu();
	test_wait_efault();
	test_faults_and_errors();
	printf("t_basic: %d failed\n", failures);
	return failures != 0;
}
