/* user/test/fuzz.c — a small system call fuzzer (trinity's idea, in one
 * file): children call random system calls with arguments drawn from
 * values that have broken kernels before, and the kernel must take it all.
 *	fuzz [-s seed] [-n calls] [-c per-child] [-f first-child] [-j jobs] [-v]
 * Each child i gets its own generator, seeded from (seed, i), so its calls
 * replay exactly: "fuzz -s SEED -f I -n 500 -c 500 -v" reruns child I
 * alone and prints every call before making it. With -j, that many
 * children run at once (races between them are part of the test). The
 * children run as nobody (uid 65534) in /tmp/fuzz with small limits
 * (tasks, memory, files), so what they break is theirs; after each batch
 * a sweeper (also nobody) kills whatever they left behind, and the
 * kernel's task count must come back.
 * Each child also draws hostile modes (fuzz_hostile.h): selectors left in
 * segment registers, a thread closing descriptors under sleeping calls,
 * signal handlers on unusable stacks.
 * The end of the run is init's leak check: every object counter balances.
 * try: fuzz -n 2000 -c 200 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kstat.h"

#define NOBODY		65534
#define FUZZ_DIR	"/tmp/fuzz"
#define SCRATCH		(64 * 1024)	/* followed by a PROT_NONE page */
#define STALL_MS	500		/* no call for so long: killed (pause...) */
#define TICK_MS		50		/* how often the parent looks */
#define SWEEP_SECONDS	30		/* leftovers must be gone by then */
#define __WALL		0x40000000

static const struct { int nr; const char *name; } calls[] = {
#include "fuzz_calls.h"
};
#define NR_CALLS	(int)(sizeof(calls) / sizeof(calls[0]))

#define MAX_JOBS	8

struct slot {				/* in a page shared with children */
	volatile unsigned long calls;	/* made by the child in this slot */
	volatile long nr, args[6];	/* its last call */
	volatile long fault_tgid;	/* who made the final fault */
};

static struct slot *slots, *me;
static unsigned char *scratch;
static int fds[8], nfds;
static unsigned long rng;
static int verbose, console = -1;

/* xorshift32: small, fast, and the same sequence on every machine */
static unsigned long xorshift(unsigned long *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static unsigned long rnd(void)
{
	return xorshift(&rng);
}

static unsigned long child_seed(unsigned long seed, unsigned long i)
{
	unsigned long s = seed * 2654435761UL ^ (i + 1) * 40503UL;

	return s ? s : 1;
}

static const char *const paths[] = {
	"a", "b/c", FUZZ_DIR "/f", FUZZ_DIR, "/", ".", "..", "", "/dev/null",
	"/dev/zero", "/bin/true", "/bin/false", "/nonexistent", "f/",
	"/tmp/fuzz/a/../f", "////", "/dev/kstat", "/dev/tasks",
};

static const unsigned long clone_bits[] = {
	0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000,
	0x40000, 0x80000, 0x100000, 0x200000, 0x400000, 0x1000000,
	0x20000000, 0x80000000,
};

/* arg — one argument, of a kind chosen at random */
static unsigned long arg(void)
{
	unsigned long r = rnd(), v = 0;

	switch (r % 18) {
	case 0: return 0;
	case 1: return rnd() % 16;
	case 2: return ~0UL;
	case 3: return rnd();
	case 4: return (rnd() % 0x100000) * 4096 + (rnd() % 3) - 1;
	case 5: return 0xC0000000UL + (rnd() % 0x3FFFFFFF);	/* the kernel */
	case 6: return 0xC0100000UL;		/* the kernel's text */
	case 7: return 0x1000 + rnd() % 0x7000;	/* never mapped */
	case 8: return 0x50000000UL + (rnd() % 0x1000) * 4096;
	case 9:
	case 10: return (unsigned long)scratch + rnd() % SCRATCH;
	case 11: return (unsigned long)scratch + SCRATCH - rnd() % 64;
	case 12: return nfds ? fds[rnd() % nfds] : 0;
	case 13: return 40 + rnd() % 24;		/* closed fds */
	case 14:
		for (int n = rnd() % 5; n >= 0; n--)
			v |= clone_bits[rnd() % 17];
		return v | rnd() % 66;		/* and an exit signal */
	case 15: return rnd() % 70;			/* signal numbers */
	case 16: {
		static const unsigned long huge[] = { 0x7FFFFFFF, 0x80000000,
			0xFFFFF000, 0x10000000, 0x40000000, 0xFFFFFFFE };
		return huge[rnd() % 6];
	}
	default: {
		const char *p = paths[rnd() % (sizeof(paths) / sizeof(*paths))];
		unsigned char *d = scratch + SCRATCH - 4096;

		strcpy((char *)d, p);
		return (unsigned long)d;
	}
	}
}

/* Typed arguments for the calls this kernel is about (trinity's
 * ARG_* types, by hand): half the time these calls get them instead of
 * the untyped mix, so that deep paths are reached, not only EINVAL. */
#define NR_waitpid	7
#define NR_kill		37
#define NR_munmap	91
#define NR_wait4	114
#define NR_clone	120
#define NR_mprotect	125
#define NR_mmap2	192
#define NR_tkill	238
#define NR_futex	240
#define NR_set_thread_area 243
#define NR_tgkill	270
#define NR_waitid	284

static const unsigned long clone_sets[] = {
	0x11,					/* fork: SIGCHLD */
	0x4111,					/* vfork: VM|VFORK|SIGCHLD */
	0x3d0f00,				/* NPTL's thread flags */
	0x10f00,				/* thread without TLS/tids */
	0x8000 | 0x100 | 0x800 | 0x11,		/* PARENT|VM|SIGHAND... */
	0x1200000 | 0x11,			/* CHILD_SETTID|CHILD_CLEARTID */
};

static unsigned long scratch_at(unsigned long align)
{
	return ((unsigned long)scratch + rnd() % (SCRATCH - 256)) & ~(align - 1);
}

static long a_pid(void)
{
	static const long pids[] = { 0, -1, 1, 2, 3, 32767, 32768, -2 };

	return rnd() % 3 ? getpid() + (long)(rnd() % 8) : pids[rnd() % 8];
}

static void typed(long nr, long *a)
{
	switch (nr) {
	case NR_clone:
		a[0] = clone_sets[rnd() % 6] | (rnd() % 4 ? 0 : arg());
		a[1] = rnd() % 2 ? 0 : scratch_at(16);
		a[2] = a[4] = scratch_at(4);
		a[3] = scratch_at(4);		/* a struct user_desc */
		break;
	case NR_futex:
		a[0] = scratch_at(4);
		a[1] = (rnd() % 13) | (rnd() % 2 ? 128 : 0);
		a[3] = rnd() % 2 ? 0 : scratch_at(4);
		a[4] = scratch_at(4);
		break;
	case NR_kill: case NR_tkill:
		a[0] = a_pid();
		a[1] = rnd() % 66;
		break;
	case NR_tgkill:
		a[0] = a_pid();
		a[1] = a_pid();
		a[2] = rnd() % 66;
		break;
	case NR_wait4: case NR_waitpid:
		a[0] = a_pid();
		a[1] = rnd() % 2 ? 0 : scratch_at(4);
		a[2] = (rnd() % 2) | (rnd() % 16) << 1 | (rnd() % 8) << 29;
		a[3] = rnd() % 2 ? 0 : scratch_at(4);
		break;
	case NR_waitid:
		a[0] = rnd() % 4;
		a[1] = a_pid();
		a[2] = scratch_at(4);
		a[3] = (rnd() % 16) | (rnd() % 2 ? 0x1000000 : 0) |
		       (rnd() % 8) << 29;
		break;
	case NR_mmap2:
		a[0] = rnd() % 2 ? 0 : (rnd() % 0xC0000) << 12;
		a[1] = (rnd() % 64 + 1) << 12;
		a[2] = rnd() % 8;
		a[3] = (rnd() % 2 ? 0x02 : 0x01) | (rnd() % 2 ? 0x20 : 0) |
		       (rnd() % 4 ? 0 : 0x10) | (rnd() % 8 ? 0 : 0x100);
		a[4] = -1;
		break;
	case NR_mprotect: case NR_munmap:
		a[0] = scratch_at(4096) + (rnd() % 4 ? 0 : 4096 * 16);
		a[1] = (rnd() % 8 + 1) << 12;
		a[2] = rnd() % 8;
		break;
	case NR_set_thread_area:
		a[0] = scratch_at(4);
		((int *)a[0])[0] = rnd() % 4 ? -1 : (int)(rnd() % 10);
		break;
	}
}

/* pick — a call number: mostly implemented ones; some out of the table,
 * negative or past its end. exit, exit_group and execve end the child
 * early, so they are drawn ten times less often. */
static long pick(void)
{
	unsigned long r = rnd() % 100;
	long nr;

	if (r < 3)
		return (long)(0x80000000UL + rnd() % 3) - (long)(rnd() % 2);
	if (r < 12)
		return rnd() % 460;
	do
		nr = calls[rnd() % NR_CALLS].nr;
	while ((nr == 1 || nr == 252 || nr == 11) && rnd() % 10);
	return nr;
}

static const char *name_of(long nr)
{
	for (int i = 0; i < NR_CALLS; i++)
		if (calls[i].nr == nr)
			return calls[i].name;
	return "?";
}

/* raw — int $0x80 with six arguments, no libc: errno lives at %gs, and
 * the fuzzed calls may take %gs away. The sixth goes through memory at
 * a fixed address because %ebp is the frame pointer. */
static long arg6;

static long raw(long nr, const long *a)
{
	long ret;

	arg6 = a[5];
	__asm__ volatile("push %%ebp\n\tmov %[a6], %%ebp\n\tint $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]),
			   "S"(a[3]), "D"(a[4]), [a6] "m"(arg6)
			 : "memory");
	return ret;
}

#include "fuzz_hostile.h"

static void on_alarm(int sig)
{
	(void)sig;		/* only to interrupt a blocking call */
}

/* keep_alive — a 50 ms interval timer that interrupts blocking calls;
 * re-armed now and then, since the fuzzed calls may disarm it. */
static void keep_alive(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
	sigset_t set;

	sigaction(SIGALRM, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
}

static void limit(int which, unsigned long v)
{
	struct rlimit r = { v, v };

	setrlimit(which, &r);
}

/* child_setup — stdio on /dev/null, some open files of every kind, small
 * limits, then nobody in the scratch directory. */
static void child_setup(void)
{
	int p[2], devnull = open("/dev/null", O_RDWR);

	dup2(devnull, 0);
	dup2(devnull, 1);
	dup2(devnull, 2);
	nfds = 0;
	fds[nfds++] = 0;
	if (pipe(p) == 0) {
		fds[nfds++] = p[0];
		fds[nfds++] = p[1];
	}
	fds[nfds++] = open(FUZZ_DIR "/f", O_RDWR | O_CREAT, 0666);
	fds[nfds++] = open("/dev/zero", O_RDONLY);
	fds[nfds++] = open(FUZZ_DIR, O_RDONLY);
	limit(RLIMIT_NPROC, 16);
	limit(RLIMIT_AS, 48 << 20);
	limit(RLIMIT_NOFILE, 64);
	if (chdir(FUZZ_DIR) < 0 || setgid(NOBODY) < 0 || setuid(NOBODY) < 0)
		_exit(99);
	keep_alive();
}

static void child(unsigned long seed, unsigned long i, unsigned long n)
{
	long a[6];

	/* a session of its own: the console is not its terminal, so its
	 * reads of /dev/console sleep (no SIGTTIN) */
	setsid();
	console_rd = open("/dev/console", O_RDONLY);	/* while still root */
	if (verbose)
		console = open("/dev/console", O_WRONLY);
	child_setup();
	rng = child_seed(seed, i);
	hostile_setup(seed, i);
	for (unsigned long k = 0; k < n; k++) {
		long nr = fd_pick(pick());

		final_fault(k);
		for (int j = 0; j < 6; j++)
			a[j] = arg();
		seg_prepare();
		nr = seg_pick(nr);
		if (rnd() % 2) {
			typed(nr, a);
			io_typed(nr, a);
			seg_typed(nr, a);
		}
		me->nr = nr;
		memcpy((void *)me->args, a, sizeof(a));
		me->calls++;
		if (verbose)
			dprintf(console, "fuzz %lu.%lu: %ld %s(%lx, %lx, %lx, "
				"%lx, %lx, %lx) modes %d seg %d:%lx\n", i, k, nr,
				name_of(nr), a[0], a[1], a[2], a[3], a[4], a[5],
				modes, seg_reg, seg_sel);
		if (seg_reg >= 0)
			raw_under_segment(nr, a);
		else
			raw(nr, a);
		if (k % 32 == 31)
			keep_alive();
	}
	_exit(0);
}

static long tasks(void)
{
	char buf[KSTAT_MAX];

	kstat_read(buf);
	return kstat_value(buf, "threads");
}

/* leak_hint — compare the count in use of every object with the last
 * batch's: a difference names the children to replay. init's check at
 * the end is the verdict; this only says where to look. */
static void leak_hint(unsigned long seed, unsigned long i, unsigned long n)
{
	static char last[KSTAT_MAX];
	char now[KSTAT_MAX];
	const char *l = last;
	long b, a;
	int len;

	kstat_read(now);
	for (; (l = kstat_next_leak(l, now, &len, &b, &a));
	     l = kstat_next_line(l))
		printf("fuzz: after child %lu: %.*s %ld -> %ld in use; replay: "
		       "fuzz -s %lu -f %lu -n %lu -c %lu -v\n", i, len, l, b, a,
		       seed, i, n, n);
	memcpy(last, now, sizeof(last));
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

/* sweep — kill every leftover of a child (all nobody's processes: a
 * sweeper with that uid sends SIGKILL to -1), reap the ones that are
 * ours (CLONE_PARENT makes siblings), and wait for the task count to be
 * back at base (init reaps the orphans). 0, or -1 if they stay. */
static int sweep(long base)
{
	int st;

	for (int ms = 0; ms < SWEEP_SECONDS * 1000; ms += 20) {
		pid_t k = fork();

		if (k == 0) {
			if (setuid(NOBODY) == 0)
				kill(-1, SIGKILL);
			_exit(0);
		}
		while (waitpid(-1, &st, __WALL | WNOHANG) > 0)
			;
		if (k > 0)
			waitpid(k, &st, 0);
		while (waitpid(-1, &st, __WALL | WNOHANG) > 0)
			;
		if (tasks() == base)
			return 0;
		sleep_ms(20);
	}
	return -1;
}

static void on_tick(int sig)
{
	(void)sig;	/* only to interrupt the parent's waitpid */
}

/* tick — SIGALRM every ms milliseconds (0: none), without SA_RESTART. */
static void tick(int ms)
{
	struct sigaction sa = { .sa_handler = on_tick };
	struct itimerval it = { { 0, ms * 1000 }, { 0, ms * 1000 } };

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
}

/* start — child i in slot j; its pid, or -1. */
static pid_t start(unsigned long seed, unsigned long i, int j, unsigned long n)
{
	pid_t pid;

	slots[j].calls = 0;
	slots[j].fault_tgid = 0;	/* not the last child's final fault */
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		printf("fuzz: FAIL: seed %lu child %lu: fork: %s\n", seed, i,
		       strerror(errno));
	if (pid == 0) {
		me = &slots[j];
		child(seed, i, n);
	}
	return pid;
}

/* livelock — a child still alive STALL_MS after its final fault; the
 * task list says what its threads were doing. */
static int livelock(unsigned long seed, unsigned long i, unsigned long n)
{
	char buf[4096];
	int fd = open("/dev/tasks", O_RDONLY);
	ssize_t len = fd < 0 ? 0 : read(fd, buf, sizeof(buf) - 1);

	close(fd);
	buf[len > 0 ? len : 0] = 0;
	printf("fuzz: FAIL: seed %lu child %lu: still alive %d ms after a "
	       "fault whose handler's stack is unusable (a livelock); replay: "
	       "fuzz -s %lu -f %lu -n %lu -c %lu -v\n%s", seed, i, STALL_MS,
	       seed, i, n, n, buf);
	return 1;
}

/* watch — wait for the batch's children; one that makes no call for
 * STALL_MS is blocked (pause, a futex...) and is killed. Returns the
 * number of children found livelocked. */
static int watch(pid_t *pid, int jobs, unsigned long seed,
		 unsigned long first, unsigned long n)
{
	unsigned long seen[MAX_JOBS] = { 0 };
	int still[MAX_JOBS] = { 0 }, left = jobs, st, bad = 0;

	tick(TICK_MS);		/* waitpid is interrupted every TICK_MS */
	while (left > 0) {
		pid_t w = waitpid(-1, &st, 0);

		for (int j = 0; j < jobs; j++) {
			if (pid[j] <= 0)
				continue;
			if (w == pid[j]) {
				if (verbose)
					printf("fuzz: child %lu: %lu calls, status "
					       "%x\n", first + j, slots[j].calls, st);
				pid[j] = 0;
				left--;
			} else if (w > 0) {
				/* another child ended: no time has passed */
			} else if (slots[j].calls != seen[j]) {
				seen[j] = slots[j].calls;
				still[j] = 0;
			} else if ((still[j] += TICK_MS) == STALL_MS) {
				if (verbose)
					printf("fuzz: child %lu blocked in %s: "
					       "killed\n", first + j,
					       name_of(slots[j].nr));
				if (slots[j].fault_tgid == pid[j])
					bad += livelock(seed, first + j, n);
				kill(pid[j], SIGKILL);
			}
		}
	}
	tick(0);
	return bad;
}

/* run_batch — children first.. first+jobs-1 at once, each with n calls;
 * then the sweep. Returns the calls made, or -1 on a failure. */
static long run_batch(unsigned long seed, unsigned long first, int jobs,
		      unsigned long n, long base)
{
	pid_t pid[MAX_JOBS];
	long made = 0;

	for (int j = 0; j < jobs; j++)
		if ((pid[j] = start(seed, first + j, j, n)) < 0)
			return -1;
	if (watch(pid, jobs, seed, first, n))
		return -1;
	if (sweep(base) < 0) {
		printf("fuzz: FAIL: seed %lu children %lu-%lu: %ld tasks still "
		       "there %d s after SIGKILL (base %ld); replay: fuzz -s %lu "
		       "-f %lu -n %lu -c %lu -j %d -v\n", seed, first,
		       first + jobs - 1, tasks(), SWEEP_SECONDS, base, seed,
		       first, n * jobs, n, jobs);
		return -1;
	}
	leak_hint(seed, first, n);
	for (int j = 0; j < jobs; j++)
		made += slots[j].calls < n ? (long)slots[j].calls : (long)n;
	return made;
}

static void setup_dir(void)
{
	mkdir(FUZZ_DIR, 0777);
	if (chmod(FUZZ_DIR, 0777) < 0)		/* past the umask */
		perror("fuzz: chmod " FUZZ_DIR);
}

static void setup_memory(void)
{
	slots = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	scratch = mmap(NULL, SCRATCH + 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (slots == MAP_FAILED || scratch == MAP_FAILED) {
		perror("fuzz: mmap");
		exit(2);
	}
	mprotect(scratch + SCRATCH, 4096, PROT_NONE);
	for (int i = 0; i < SCRATCH; i++)
		scratch[i] = i * 7 + 3;
}

int main(int argc, char **argv)
{
	unsigned long seed = time(NULL), total = 20000, per = 500, first = 0;
	unsigned long done = 0, i, next_report = 0;
	int opt, jobs = 1;
	long base;

	while ((opt = getopt(argc, argv, "s:n:c:f:j:v")) != -1) {
		if (opt == 's')
			seed = strtoul(optarg, NULL, 0);
		else if (opt == 'n')
			total = strtoul(optarg, NULL, 0);
		else if (opt == 'c')
			per = strtoul(optarg, NULL, 0);
		else if (opt == 'f')
			first = strtoul(optarg, NULL, 0);
		else if (opt == 'j')
			jobs = atoi(optarg);
		else if (opt == 'v')
			verbose = 1;
		else {
			fprintf(stderr, "usage: fuzz [-s seed] [-n calls] "
				"[-c per-child] [-f first-child] [-j jobs] "
				"[-v]\n");
			return 2;
		}
	}
	if (jobs < 1 || jobs > MAX_JOBS || !per) {
		fprintf(stderr, "fuzz: 1 to %d jobs, 1 call or more each\n",
			MAX_JOBS);
		return 2;
	}
	if (getuid() != 0) {
		fprintf(stderr, "fuzz: run me as root (the children become "
			"nobody)\n");
		return 2;
	}
	setup_dir();
	setup_memory();
	base = tasks();
	printf("fuzz: seed %lu, %lu calls, %lu per child, %d at once, from "
	       "child %lu; %d calls implemented\n", seed, total, per, jobs,
	       first, NR_CALLS);
	for (i = first; done < total; i += jobs) {
		unsigned long left = (total - done + jobs - 1) / jobs;
		long n = run_batch(seed, i, jobs, per < left ? per : left, base);

		if (n < 0)
			return 1;
		done += n ? n : 1;	/* children that died at once still count */
		if (done >= next_report) {
			printf("fuzz: seed %lu: %lu calls, %lu children\n", seed,
			       done, i - first + jobs);
			next_report += 5000;
		}
	}
	printf("fuzz: done: seed %lu, %lu calls in %lu children; replay "
	       "with: fuzz -s %lu -n %lu -c %lu -j %d\n", seed, done, i - first,
	       seed, total, per, jobs);
	return 0;
}
