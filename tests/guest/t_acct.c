/* tests/guest/t_acct.c — acct(2), compared with Linux (as root): the
 * errors in Linux's order, then the records: one per process, in exit
 * order, with AFORK for a fork without exec, AXSIG for a death by
 * signal, the leader's exit code, none per extra thread, and one for
 * the caller when accounting is turned off; a storm of 1000 exits. Only records whose ppid is
 * ours are looked at: the host's accounting is system-wide (spec §11.7).
 * try: /tests/t_acct */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acct.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define FILE_NAME	"t_acct.pacct"
#define STORM		1000
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_CHILD_CLEARTID)


static int err_of(const char *path)
{
	return acct(path) < 0 ? errno : 0;
}

static void test_errors(void)
{
	char *big = malloc(4098);
	pid_t pid;
	int st;

	memset(big, 'a', 4097);
	big[4097] = '\0';
	close(open(FILE_NAME, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	mkdir("t_acct.dir", 0755);
	check(err_of(".") == EISDIR, "acct(\".\"): EISDIR");
	check(err_of("/dev/null") == EACCES, "acct(\"/dev/null\"): EACCES");
	check(err_of("/no/such/file") == ENOENT, "a missing file: ENOENT");
	check(err_of(FILE_NAME "/") == ENOTDIR, "\"file/\": ENOTDIR");
	check(err_of("") == ENOENT, "\"\": ENOENT");
	check(err_of((char *)8) == EFAULT, "a bad pointer: EFAULT");
	check(err_of(big) == ENAMETOOLONG, "4097 characters: ENAMETOOLONG");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setuid(1000);
		_exit((err_of(NULL) == EPERM) + (err_of(FILE_NAME) == EPERM) +
		      (err_of(".") == EPERM));
	}
	waitpid(pid, &st, 0);
	check(WEXITSTATUS(st) == 3, "not root: EPERM, before anything else");
	check(acct(NULL) == 0, "acct(NULL) when off: 0");
	rmdir("t_acct.dir");
	free(big);
}

static int sleeper(void *arg)
{
	struct timespec ts = { 0, 100000000 };

	(void)arg;
	nanosleep(&ts, NULL);
	return 0;
}

static pid_t run(int how)
{
	static char stack[2][16384];
	static volatile int tid[2];
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid != 0)
		return pid;
	if (how == 1)			/* killed by a signal */
		raise(SIGTERM);
	if (how == 2) {
		/* two more threads, still asleep when _exit (exit_group)
		 * kills them: one record, with AXSIG (spec §9.4) */
		for (int i = 0; i < 2; i++)
			clone(sleeper, stack[i] + sizeof(stack[i]), THREAD_FLAGS,
			      NULL, NULL, NULL, &tid[i]);
		_exit(4);
	}
	_exit(3);
}

/* storm — STORM children exit at once, reaped afterwards (spec: each
 * gives one whole record, none split or lost). */
static void storm(void)
{
	fflush(stdout);
	for (int i = 0; i < STORM; i++)
		if (fork() == 0)
			_exit(5);
	while (wait(NULL) > 0)
		;
}

static void wait_for(pid_t pid)
{
	waitpid(pid, NULL, 0);
}

static void print_records(pid_t kids[3])
{
	struct acct_v3 ac;
	int fd = open(FILE_NAME, O_RDONLY), n = 0, mine = 0, storm = 0;

	while (read(fd, &ac, sizeof(ac)) == sizeof(ac)) {
		int k = -1;

		n++;
		for (int i = 0; i < 3; i++)
			if ((pid_t)ac.ac_pid == kids[i])
				k = i;
		if ((pid_t)ac.ac_pid == getpid())
			k = 3;
		storm += k < 0 && (pid_t)ac.ac_ppid == getpid() &&
			 ac.ac_version == 3 && ac.ac_exitcode == 0x500 &&
			 (ac.ac_flag & AFORK);
		if (k < 0)
			continue;	/* the storm, or the host's others */
		mine++;
		printf("record: kid %d v%d flags %s%s%s exit 0x%x ppid-ok %d "
		       "comm %s\n", k, ac.ac_version,
		       ac.ac_flag & AFORK ? "F" : "-",
		       ac.ac_flag & AXSIG ? "X" : "-",
		       ac.ac_flag & ACORE ? "C" : "-", ac.ac_exitcode,
		       (pid_t)ac.ac_ppid == (k == 3 ? getppid() : getpid()),
		       ac.ac_comm);
	}
	close(fd);
	check(mine == 4, "four records of ours: three children and us");
	check(storm == STORM, "a storm of 1000 exits: 1000 whole records");
	check(n >= mine, "the file holds whole 64-byte records");
}

/* count_ours — records in path for pid. */
static int count_ours(const char *path, pid_t pid)
{
	struct acct_v3 ac;
	int fd = open(path, O_RDONLY), n = 0;

	while (read(fd, &ac, sizeof(ac)) == sizeof(ac))
		n += (pid_t)ac.ac_pid == pid;
	close(fd);
	return n;
}

/* test_switch — acct(other) while on: the old file gets a record of the
 * caller and is closed, the new one takes the records (spec §9.1.5). */
static void test_switch(void)
{
	static const char *const a = "t_acct.a", *const b = "t_acct.b";

	close(open(a, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	close(open(b, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	acct(a);
	check(acct(b) == 0, "acct(another file) while on: 0");
	check(count_ours(a, getpid()) == 1 && count_ours(b, getpid()) == 0,
	      "the old file got one record of the caller");
	acct(NULL);
	check(count_ours(b, getpid()) == 1, "and the new one at acct(NULL)");
	unlink(a);
	unlink(b);
}

int main(void)
{
	pid_t kids[3];

	test_errors();
	check(acct(FILE_NAME) == 0, "acct(file) turns it on");
	for (int i = 0; i < 3; i++) {
		kids[i] = run(i);
		wait_for(kids[i]);
	}
	storm();
	check(acct(NULL) == 0, "acct(NULL) turns it off");
	print_records(kids);
	unlink(FILE_NAME);
	test_switch();
	printf("t_acct: %d failed\n", failures);
	return failures != 0;
}
