/* user/test/fuzz/child.c — one fuzz child: its own session, stdio on
 * /dev/null, open files of every kind, small limits, nobody in the
 * scratch directory, then n random calls, each recorded in its slot
 * before it is made. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>
#include "fuzz.h"

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

void child(unsigned long seed, unsigned long i, unsigned long n)
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
