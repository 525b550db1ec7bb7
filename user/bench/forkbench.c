/* user/bench/forkbench.c — how fast processes and threads are created
 * and reaped (TLPI table 28-3's experiment, done properly).
 *
 * For a process that has touched 0, 1.7, 16 and 64 MiB of its heap:
 * the rate of create-and-reap with fork, vfork, clone(VM|VFORK|FS|
 * SIGHAND|FILES), pthread_create+join and fork+execve of a tiny program
 * (static, and with -d a dynamically linked one);
 * the cost of one copy-on-write break (a child's first write to a page
 * it shares with its parent, less its second write to the same page;
 * the median of five children);
 * and the fork rate with 10, 100 and 1000 other processes alive, which
 * must not grow with their number. Each cell's iteration count is chosen
 * from a short trial so that the cell takes about a second.
 *
 * usage: forkbench [-s seconds] [-n iterations] [-o max_others]
 *		    [-t tiny_program] [-d dynamic_program] [-P]
 *   -s  time per cell (default 1); -n  a fixed count per cell instead
 *   (the CI smoke test); -o  stop the "others alive" rows at this many;
 *   -t  the program fork+exec runs (default /bin/true); -d  a dynamically
 *   linked one for the fork+execve(dynamic) row (none: no row); -P  power off at
 *   the end (forkbench as init, for make bench-linux).
 * Ends with "forkbench: every child reaped" when wait() finds none left. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK	16384
#define PAGE	4096

static char stack[STACK] __attribute__((aligned(16)));
static double cell_seconds = 1.0;
static long fixed_iters;
static const char *tiny = "/bin/true";
static const char *tiny_dyn;		/* -d: a dynamically linked one */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int child_fn(void *arg)
{
	(void)arg;
	return 0;
}

static void *thread_fn(void *arg)
{
	return arg;
}

/* --- one create-and-reap of each kind ------------------------------ */

static void do_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
}

static void do_vfork(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
}

static void do_clone(void)
{
	pid_t pid = clone(child_fn, stack + STACK, CLONE_VM | CLONE_VFORK |
			  CLONE_FS | CLONE_SIGHAND | CLONE_FILES | SIGCHLD, NULL);

	waitpid(pid, NULL, 0);
}

static void do_thread(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, thread_fn, NULL) == 0)
		pthread_join(t, NULL);
}

static void fork_exec(const char *prog)
{
	char *argv[] = { (char *)prog, NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execv(prog, argv);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
}

static void do_exec(void)
{
	fork_exec(tiny);
}

/* do_exec_dyn — the same with a dynamically linked program: the kernel
 * loads it and its interpreter, which maps libc.so.6 and relocates */
static void do_exec_dyn(void)
{
	fork_exec(tiny_dyn);
}

/* --- timing and the table ------------------------------------------ */

/* print_cell — one row: iterations, seconds, rate, microseconds each */
static void print_cell(const char *name, const char *size, long n, double t)
{
	printf("%-26s %8s %8ld %8.3f s %10.0f %9.1f\n", name, size, n, t,
	       t > 0 ? n / t : 0.0, t * 1e6 / (n ? n : 1));
	fflush(stdout);
}

/* iterations — enough for cell_seconds, from a trial of about 1/20 of it */
static long iterations(void (*op)(void))
{
	double start = now(), t;
	long n = 0;

	if (fixed_iters)
		return fixed_iters;
	do {
		op();
		n++;
		t = now() - start;
	} while (t < cell_seconds / 20);
	return (long)(n * cell_seconds / t) + 1;
}

/* cell — one row; returns microseconds per operation */
static double cell(const char *name, const char *size, void (*op)(void))
{
	long n = iterations(op);
	double start = now(), t;

	for (long i = 0; i < n; i++)
		op();
	t = now() - start;
	print_cell(name, size, n, t);
	return t * 1e6 / n;
}

/* --- one copy-on-write break ---------------------------------------- */

/* cow_break_once — in a child, write one byte into each of npages pages
 * shared with us (each write a COW break), then again (no fault); the
 * difference per page, in tenths of a microsecond, comes back through
 * a pipe. */
static long cow_break_once(char *mem, int npages)
{
	int p[2];
	long tenths = -1;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		double t0 = now(), t1, t2;

		for (int i = 0; i < npages; i++)
			mem[i * PAGE] = 2;
		t1 = now();
		for (int i = 0; i < npages; i++)
			mem[i * PAGE] = 3;
		t2 = now();
		tenths = (long)(((t1 - t0) - (t2 - t1)) * 1e7 / npages);
		write(p[1], &tenths, sizeof(tenths));
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &tenths, sizeof(tenths)) != sizeof(tenths))
		tenths = -1;
	close(p[0]);
	waitpid(pid, NULL, 0);
	return tenths;
}

/* cow_break_tenths — the median of COW_RUNS children. Under QEMU the
 * first run also pays for the host's first touch of the frames the
 * copies go to (the guest never used them before), which is QEMU's cost,
 * not the kernel's: the median is the steady state, as the warm-up is
 * for the other rows. The same for every kernel the bench compares. */
#define COW_RUNS	5

static long cow_break_tenths(char *mem, int npages)
{
	long t[COW_RUNS], x;

	for (int i = 0; i < COW_RUNS; i++) {
		t[i] = cow_break_once(mem, npages);
		for (int j = i; j > 0 && t[j - 1] > t[j]; j--) {
			x = t[j];
			t[j] = t[j - 1];
			t[j - 1] = x;
		}
	}
	return t[COW_RUNS / 2];
}

/* --- the rows -------------------------------------------------------- */

static const struct {
	const char *name;
	void (*op)(void);
} kinds[] = {
	{ "fork", do_fork },
	{ "vfork", do_vfork },
	{ "clone(VM|VFORK|FS|...)", do_clone },
	{ "pthread_create+join", do_thread },
	{ "fork+execve(tiny)", do_exec },
	{ "fork+execve(dynamic)", do_exec_dyn },
};

static double fork_us[4];	/* fork's cost at each size */

/* has_row — the dynamic exec row only when -d named a program */
static int has_row(unsigned k)
{
	return kinds[k].op != do_exec_dyn || tiny_dyn;
}

static void by_size(void)
{
	static const struct { const char *label; long bytes; } sizes[] = {
		{ "0 MiB", 0 }, { "1.7 MiB", 1782579 },
		{ "16 MiB", 16 << 20 }, { "64 MiB", 64 << 20 },
	};

	for (unsigned s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		long bytes = sizes[s].bytes;
		char *mem = bytes ? mmap(NULL, bytes, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) : NULL;

		if (mem == MAP_FAILED) {
			printf("(%s: mmap failed)\n", sizes[s].label);
			continue;
		}
		if (mem)
			memset(mem, 1, bytes);	/* touched: every page present */
		for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			double us = has_row(k) ? cell(kinds[k].name,
						     sizes[s].label, kinds[k].op) : 0;

			if (k == 0)
				fork_us[s] = us;
		}
		if (mem) {
			int pages = bytes / PAGE > 1024 ? 1024 : bytes / PAGE;
			long t = cow_break_tenths(mem, pages);

			printf("%-26s %8s %8d %8s %10s %7ld.%ld\n", "one COW break",
			       sizes[s].label, pages, "", "", t / 10, t % 10);
			munmap(mem, bytes);
		}
	}
}

/* fork_sleeper — a child that waits for EOF on fd, then exits. */
static pid_t fork_sleeper(int fd)
{
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		read(fd, &c, 1);
		_exit(0);
	}
	return pid;
}

/* with_others — fork while n other processes sleep, blocked on a pipe
 * that the end of the row closes. They are a helper's children, not
 * ours: our wait() should not have to look past them. */
static void with_others(int n)
{
	char label[16];
	int gate[2], ready[2], made = 0;
	pid_t holder;

	if (pipe(gate) || pipe(ready))
		return;
	holder = fork();
	if (holder == 0) {
		close(gate[1]);
		for (; made < n && fork_sleeper(gate[0]) > 0; made++)
			;
		write(ready[1], &made, sizeof(made));
		while (wait(NULL) > 0)
			;
		_exit(0);
	}
	close(gate[0]);
	close(ready[1]);
	if (read(ready[0], &made, sizeof(made)) != sizeof(made))
		made = 0;
	snprintf(label, sizeof(label), "%d", made);
	cell("fork, others alive:", label, do_fork);
	close(gate[1]);			/* EOF: they all exit */
	close(ready[0]);
	waitpid(holder, NULL, 0);
}

int main(int argc, char **argv)
{
	int c, max_others = 1000, poweroff = 0;

	while ((c = getopt(argc, argv, "s:n:o:t:d:P")) != -1) {
		if (c == 's')
			cell_seconds = atoi(optarg) > 0 ? atoi(optarg) : 1;
		else if (c == 'n')
			fixed_iters = atol(optarg);
		else if (c == 'o')
			max_others = atoi(optarg);
		else if (c == 't')
			tiny = optarg;
		else if (c == 'd')
			tiny_dyn = optarg;
		else if (c == 'P')
			poweroff = 1;
	}
	/* warm up: under QEMU's TCG the first runs of each path also pay for
	 * translating it; measure the steady state */
	for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (int i = 0; i < (fixed_iters ? 1 : 50) && has_row(k); i++)
			kinds[k].op();
	printf("%-26s %8s %8s %10s %10s %9s\n", "creation", "touched",
	       "iters", "time", "per second", "us per op");
	by_size();
	if (fork_us[0] > 0) {
		double r = fork_us[3] / fork_us[0];

		/* under 2x: the 64 MiB were not copied; the claim follows the data */
		printf("fork at 64 MiB costs %.1f x fork at 0 MiB (%s)\n", r,
		       r < 2 ? "copy-on-write: no page is copied at fork" :
		       "fork grows with memory: something is copied at fork");
	}
	for (int n = 10; n <= max_others; n *= 10)
		with_others(n);
	printf("forkbench: %s\n", wait(NULL) < 0 && errno == ECHILD ?
	       "every child reaped" : "a child was left over");
	if (poweroff) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return 0;
}
