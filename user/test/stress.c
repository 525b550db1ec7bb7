/* user/test/stress.c — many processes with many threads, all creating and
 * ending tasks at once, with process accounting on:
 *	stress [-p procs] [-t threads] [-s seconds] [-a acct-file]
 * Each of the procs processes starts threads threads; every thread, until
 * the time is up, forks a child that exits, forks one that execs
 * /bin/true, vforks, starts and joins a thread, and sends 64 bytes
 * through a pipe. What succeeded is counted in a shared page (atomic
 * adds), so the caller can check that the accounting file holds exactly
 * one record per process that exited: procs + forks + vforks.
 * clonix and Linux alike, but meant for clonix (tests/host/test_stress.py).
 * try: stress -p 20 -t 4 -s 3 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acct.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct counts {
	volatile long forks, execs, vforks, threads, pipes, eagain, errors;
};

static struct counts *c;
static time_t deadline;

static void add(volatile long *n)
{
	__sync_fetch_and_add(n, 1);
}

static void reap(pid_t pid, volatile long *n)
{
	int st;

	if (pid < 0) {
		add(errno == EAGAIN || errno == ENOMEM ? &c->eagain : &c->errors);
		return;
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		add(&c->errors);
	add(n);
}

static void *nothing(void *arg)
{
	return arg;
}

static void one_round(void)
{
	static char *const argv[] = { "/bin/true", NULL };
	char buf[64] = "stress", back[64];
	int p[2];
	pthread_t t;
	pid_t pid;

	pid = fork();
	if (pid == 0)
		_exit(0);
	reap(pid, &c->forks);
	pid = fork();
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	reap(pid, &c->execs);
	pid = vfork();
	if (pid == 0)
		_exit(0);
	reap(pid, &c->vforks);
	if (pthread_create(&t, NULL, nothing, NULL) == 0) {
		pthread_join(t, NULL);
		add(&c->threads);
	} else {
		add(&c->eagain);
	}
	if (pipe(p) == 0) {
		if (write(p[1], buf, 64) == 64 && read(p[0], back, 64) == 64 &&
		    !memcmp(buf, back, 64))
			add(&c->pipes);
		else
			add(&c->errors);
		close(p[0]);
		close(p[1]);
	}
}

static void *worker(void *arg)
{
	(void)arg;
	while (time(NULL) < deadline)
		one_round();
	return NULL;
}

/* process — threads workers (fewer if the system is full), then exit. */
static void process(int threads)
{
	pthread_t t[64];
	pthread_attr_t a;
	int n = 0;

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 64 * 1024);
	for (int i = 0; i < threads; i++)
		if (pthread_create(&t[n], &a, worker, NULL) == 0)
			n++;
		else
			add(&c->eagain);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	_exit(0);
}

int main(int argc, char **argv)
{
	int procs = 200, threads = 10, secs = 10, opt, started = 0;
	const char *acct_file = NULL;

	while ((opt = getopt(argc, argv, "p:t:s:a:")) != -1) {
		if (opt == 'p')
			procs = atoi(optarg);
		else if (opt == 't')
			threads = atoi(optarg) > 64 ? 64 : atoi(optarg);
		else if (opt == 's')
			secs = atoi(optarg);
		else if (opt == 'a')
			acct_file = optarg;
		else
			return 2;
	}
	c = mmap(NULL, sizeof(*c), PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (acct_file)		/* acct(2) wants an existing file */
		close(open(acct_file, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	if (c == MAP_FAILED || (acct_file && acct(acct_file) < 0)) {
		perror("stress");
		return 2;
	}
	deadline = time(NULL) + secs;
	fflush(stdout);
	for (int i = 0; i < procs; i++) {
		pid_t pid = fork();

		if (pid == 0)
			process(threads);
		if (pid > 0)
			started++;
		else
			add(&c->eagain);
	}
	while (wait(NULL) > 0)
		;
	if (acct_file)
		acct(NULL);
	printf("stress: %d processes x %d threads for %d s: %ld forks, %ld "
	       "fork+exec, %ld vforks, %ld threads, %ld pipe round trips; %ld "
	       "EAGAIN/ENOMEM, %ld errors\n", started, threads, secs, c->forks,
	       c->execs, c->vforks, c->threads, c->pipes, c->eagain, c->errors);
	/* every process that exited, and our own: acct(NULL) writes the
	 * caller's record as it turns accounting off (Linux acct_pin_kill) */
	printf("stress: records expected: %ld\n",
	       started + c->forks + c->execs + c->vforks + !!acct_file);
	return c->errors != 0;
}
