/* user/test/fuzz/fuzz.c — the fuzzer's parent (see fuzz.h): children in
 * batches of -j at once, a watch that kills a child blocked for STALL_MS,
 * a sweep of what they left (tasks, and files on /dev/shm), and a leak
 * hint between batches.
 *	fuzz [-s seed] [-n calls] [-c per-child] [-f first-child] [-j jobs] [-v] */
#include <dirent.h>
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

#include "../../kstat.h"
#include "fuzz.h"

struct slot *slots, *me;
unsigned char *scratch;
int verbose, console = -1;

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

/* remove_under — every entry of dir (only uid's, if uid >= 0), with all
 * under it. */
static void remove_under(const char *dir, long uid)
{
	struct dirent *e;
	struct stat st;
	char path[512];
	DIR *d = opendir(dir);

	while (d && (e = readdir(d))) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    lstat(path, &st) < 0 || (uid >= 0 && (long)st.st_uid != uid) ||
		    unlink(path) == 0)
			continue;
		remove_under(path, -1);		/* a directory */
		rmdir(path);
	}
	if (d)
		closedir(d);
}

/* sweep_shm — a file on tmpfs is memory in use for as long as it has a
 * name, by design, so a child's file left there ("/dev/shm/fz") would
 * read as a kernel leak in init's check: remove what nobody owns there,
 * as the sweep kills what nobody runs. */
static void sweep_shm(void)
{
	remove_under(SHM_DIR, NOBODY);
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

struct watched {
	pid_t pid;			/* 0 once reaped */
	unsigned long seen;		/* its call count at the last look */
	int still;			/* ms without a new call */
};

struct batch {
	unsigned long seed, first, n;	/* children first.., n calls each */
};

/* look — child j after the parent's waitpid returned w (with status st),
 * or was interrupted by the tick (w < 0). One that makes no call for
 * STALL_MS is blocked (pause, a futex...) and is killed. Returns 1 if
 * it was found livelocked. */
static int look(struct watched *c, int j, pid_t w, int st,
		const struct batch *b)
{
	int bad = 0;

	if (w == c->pid) {
		if (verbose)
			printf("fuzz: child %lu: %lu calls, status %x\n",
			       b->first + j, slots[j].calls, st);
		c->pid = 0;
		return 0;
	}
	if (w > 0)
		return 0;	/* another child ended: no time has passed */
	if (slots[j].calls != c->seen) {
		c->seen = slots[j].calls;
		c->still = 0;
		return 0;
	}
	if ((c->still += TICK_MS) != STALL_MS)
		return 0;
	if (verbose)
		printf("fuzz: child %lu blocked in %s: killed\n", b->first + j,
		       name_of(slots[j].nr));
	if (slots[j].fault_tgid == c->pid)
		bad = livelock(b->seed, b->first + j, b->n);
	kill(c->pid, SIGKILL);
	return bad;
}

/* watch — wait for the batch's children, looking at each every TICK_MS.
 * Returns the number of children found livelocked. */
static int watch(pid_t *pid, int jobs, unsigned long seed,
		 unsigned long first, unsigned long n)
{
	struct batch b = { seed, first, n };
	struct watched c[MAX_JOBS] = { 0 };
	int left = jobs, st = 0, bad = 0;

	for (int j = 0; j < jobs; j++)
		c[j].pid = pid[j];
	tick(TICK_MS);		/* waitpid is interrupted every TICK_MS */
	while (left > 0) {
		pid_t w = waitpid(-1, &st, 0);

		for (int j = 0; j < jobs; j++) {
			if (!c[j].pid)
				continue;
			bad += look(&c[j], j, w, st, &b);
			left -= !c[j].pid;
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
	sweep_shm();
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

static int usage(void)
{
	fprintf(stderr, "usage: fuzz [-s seed] [-n calls] [-c per-child] "
		"[-f first-child] [-j jobs] [-v]\n");
	return 2;
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
		else
			return usage();
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
	sweep_shm();		/* what a killed run left */
	base = tasks();
	printf("fuzz: seed %lu, %lu calls, %lu per child, %d at once, from "
	       "child %lu; %d calls implemented\n", seed, total, per, jobs,
	       first, nr_calls());
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
