/* tests/guest/t_nice.c — nice values against Linux (run as root):
 * getpriority/setpriority for a process, a process group and a user,
 * nice(3), inheritance by fork, /proc/PID/stat's priority and nice, the
 * clamp to -20..19, and the rules: anyone may be nicer, only root less
 * nice (EACCES), only the owner or root may touch a process (EPERM);
 * EINVAL and ESRCH. Values are relative to the nice value the test
 * starts with.
 * try: /tests/t_nice */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

/* stat_nice — /proc/self/stat's fields 18 and 19: priority, nice */
static int stat_nice(int *prio)
{
	char buf[512], *p, *end;
	FILE *f = fopen("/proc/self/stat", "r");

	if (!f || !fgets(buf, sizeof(buf), f))
		return 99;
	fclose(f);
	p = strrchr(buf, ')') + 2;	/* field 3 on */
	for (int field = 3; field < 18; field++)
		p = strchr(p, ' ') + 1;
	*prio = strtol(p, &end, 10);
	return strtol(end, NULL, 10);
}

static int child_status(pid_t pid)
{
	int st;

	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

/* as_user — a user process: nicer yes, less nice no, root's no */
static int as_user(int base, pid_t parent)
{
	int bad = 0;

	if (setuid(1000))
		return 64;
	bad |= setpriority(PRIO_PROCESS, 0, base + 2) != 0;
	bad |= !fails_with(setpriority(PRIO_PROCESS, 0, base + 1), EACCES) << 1;
	bad |= !fails_with(setpriority(PRIO_PROCESS, parent, base + 5), EPERM) << 2;
	return bad;
}

int main(void)
{
	int base, prio, n;
	pid_t pid, parent = getpid();

	errno = 0;
	base = getpriority(PRIO_PROCESS, 0);
	if (errno || base > 10) {
		broken("a nice value to start from");
		return failures;
	}
	check(stat_nice(&prio) == base && prio == 20 + base,
	      "/proc/self/stat: priority 20 + nice, and nice");
	check(setpriority(PRIO_PROCESS, 0, base + 5) == 0 &&
	      getpriority(PRIO_PROCESS, 0) == base + 5, "setpriority, getpriority");
	check(stat_nice(&prio) == base + 5 && prio == 25 + base, "/proc/self/stat follows");
	pid = fork();
	if (pid == 0)
		_exit(getpriority(PRIO_PROCESS, 0) == base + 5 ? 0 : 1);
	check(child_status(pid) == 0, "a fork child inherits it");
	errno = 0;
	n = nice(2);
	check(n == base + 7 && !errno, "nice(2) adds 2");
	check(setpriority(PRIO_PROCESS, 0, base) == 0 && getpriority(PRIO_PROCESS, 0) == base,
	      "root may lower it again");
	check(setpriority(PRIO_PROCESS, 0, 100) == 0 && getpriority(PRIO_PROCESS, 0) == 19,
	      "too large: 19");
	setpriority(PRIO_PROCESS, 0, base);
	pid = fork();
	if (pid == 0) {
		if (setpgid(0, 0) || setpriority(PRIO_PGRP, 0, base + 3))
			_exit(2);
		_exit(getpriority(PRIO_PGRP, 0) == base + 3 &&
		      getpriority(PRIO_PROCESS, 0) == base + 3 ? 0 : 1);
	}
	check(child_status(pid) == 0, "PRIO_PGRP: the caller's own group");
	pid = fork();
	if (pid == 0)
		_exit(as_user(base, parent));
	check(child_status(pid) == 0,
	      "a user: nicer yes, less nice EACCES, root's process EPERM");
	check(fails_with(setpriority(7, 0, 0), EINVAL), "an unknown which: EINVAL");
	check(fails_with(getpriority(7, 0), EINVAL), "... for getpriority too");
	check(fails_with(getpriority(PRIO_PROCESS, -1), ESRCH), "no such process: ESRCH");
	check(fails_with(setpriority(PRIO_USER, 4242, 1), ESRCH),
	      "a user with no process: ESRCH");
	check(getpriority(PRIO_USER, 0) <= base, "PRIO_USER: the best of root's");
	printf("t_nice: %d failed\n", failures);
	return failures;
}
