/* tests/guest/t_proc.c — /proc in Linux's layout, compared with Linux:
 * the links self and PID/exe, stat's 52 fields and what they say of a
 * process and of each thread, status, cmdline, comm (prctl renames it),
 * task/ listing the threads, maps, and the system files' shapes. Only
 * facts that hold on any machine are printed.
 * try: /tests/t_proc */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define STACK		(32 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)


static int slurp(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0, r;

	if (fd < 0)
		return -1;
	while (n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

/* stat_field — field n (1-based) of a stat line, after the comm */
static long stat_field(const char *stat, int n)
{
	const char *p = strrchr(stat, ')');

	for (int i = 2; p && i < n; i++)
		p = strchr(p + 1, ' ');
	return p ? strtol(p + 1, NULL, 10) : -1;
}

static int count_fields(const char *stat)
{
	const char *p = strrchr(stat, ')');
	int n = 2;

	while (p && (p = strchr(p + 1, ' ')))
		n++;
	return n;
}

static char *status_line(char *status, const char *key, char *out, int size)
{
	char *p = strstr(status, key);

	out[0] = '\0';
	if (p) {
		p += strlen(key);
		while (*p == '\t' || *p == ' ')
			p++;
		snprintf(out, size, "%.*s", (int)strcspn(p, "\n"), p);
	}
	return out;
}

static void test_self(const char *argv0)
{
	char buf[4096], link[256], path[64], v[64];
	int n;

	n = readlink("/proc/self", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check(n > 0 && atoi(link) == getpid(), "/proc/self links to our pid");
	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check(n > 0 && link[0] == '/' && !strcmp(strrchr(link, '/'), "/t_proc"),
	      "/proc/self/exe is the absolute path of this program");
	check(readlink("/proc/self/stat", link, sizeof(link)) < 0 && errno == EINVAL,
	      "readlink of a file that is no link: EINVAL");
	slurp("/proc/self/stat", buf, sizeof(buf));
	printf("stat has %d fields\n", count_fields(buf));
	check(atoi(buf) == getpid() && strstr(buf, "(t_proc) R ") &&
	      stat_field(buf, 4) == getppid() && stat_field(buf, 5) == getpgrp() &&
	      stat_field(buf, 20) == 1, "stat: pid, (comm), R, ppid, pgrp, 1 thread");
	slurp("/proc/self/status", buf, sizeof(buf));
	check(!strcmp(status_line(buf, "Name:", v, sizeof(v)), "t_proc") &&
	      atoi(status_line(buf, "Tgid:", v, sizeof(v))) == getpid() &&
	      atoi(status_line(buf, "PPid:", v, sizeof(v))) == getppid() &&
	      !strncmp(status_line(buf, "State:", v, sizeof(v)), "R (running)", 11),
	      "status: Name, Tgid, PPid, State");
	n = slurp("/proc/self/cmdline", buf, sizeof(buf));
	check(n == (int)strlen(argv0) + 6 && !strcmp(buf, argv0) &&
	      !strcmp(buf + strlen(argv0) + 1, "self"),
	      "cmdline: the arguments, each NUL-terminated");
	snprintf(path, sizeof(path), "/proc/%d/comm", getpid());
	syscall(SYS_prctl, 15, "renamed", 0, 0, 0);	/* PR_SET_NAME */
	slurp(path, buf, sizeof(buf));
	check(!strcmp(buf, "renamed\n"), "comm follows PR_SET_NAME");
	syscall(SYS_prctl, 15, "t_proc", 0, 0, 0);
	slurp("/proc/self/maps", buf, sizeof(buf));
	check(strstr(buf, "[stack]\n") != NULL, "maps names the stack");
	check(open("/proc/self/nosuchfile", O_RDONLY) < 0 && errno == ENOENT,
	      "a name /proc/PID does not have: ENOENT");
	check(open("/proc/999999/stat", O_RDONLY) < 0 && errno == ENOENT,
	      "a process that does not exist: ENOENT");
}

static volatile int thread_done;

static int sleeper(void *arg)
{
	(void)arg;
	while (!thread_done)
		sched_yield();
	return 0;
}

static void test_threads(void)
{
	char *stack = malloc(STACK), path[64], buf[1024];
	volatile int tid = 0;
	int t = clone(sleeper, stack + STACK, THREAD_FLAGS, NULL, &tid, NULL, &tid);
	int seen = 0, total = 0;
	struct dirent *d;
	DIR *dir = opendir("/proc/self/task");

	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		total++;
		seen += atoi(d->d_name) == t || atoi(d->d_name) == getpid();
	}
	if (dir)
		closedir(dir);
	check(total == 2 && seen == 2, "task/ lists both threads");
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", t);
	slurp(path, buf, sizeof(buf));
	check(atoi(buf) == t && stat_field(buf, 20) == 2,
	      "task/TID/stat is the thread's, in a group of 2");
	snprintf(path, sizeof(path), "/proc/%d/status", t);
	check(slurp(path, buf, sizeof(buf)) > 0 && strstr(buf, "Threads:\t2\n"),
	      "a TID works as /proc/TID too");
	thread_done = 1;
	while (tid)
		syscall(SYS_futex, &tid, 0, tid, NULL, 0, 0);
}

static void test_children(void)
{
	char path[64], buf[1024];
	int p[2], st;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		char c;

		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int i = 0; i < 100000; i++)	/* until it has gone to sleep */
		if (slurp(path, buf, sizeof(buf)) > 0 && strstr(buf, ") S "))
			break;
	check(stat_field(buf, 4) == getpid() && strstr(buf, ") S "),
	      "a child blocked in read: S, and we are its parent");
	write(p[1], "x", 1);
	close(p[1]);
	while (slurp(path, buf, sizeof(buf)) > 0 && !strstr(buf, ") Z "))
		sched_yield();
	check(strstr(buf, ") Z ") != NULL, "an exited child is a zombie (Z)");
	waitpid(pid, &st, 0);
	check(slurp(path, buf, sizeof(buf)) < 0, "... and gone once reaped");
}

static void test_system(void)
{
	char buf[8192];
	long a, b;

	char *end, *idle;
	int fd;

	slurp("/proc/uptime", buf, sizeof(buf));
	a = strtol(buf, &end, 10);
	idle = strchr(buf, ' ');
	b = idle ? strtol(idle + 1, NULL, 10) : -1;
	check(a >= 0 && *end == '.' && b >= 0 && strchr(idle, '.'),
	      "uptime: two numbers, seconds.hundredths");
	slurp("/proc/loadavg", buf, sizeof(buf));
	check(strchr(buf, '/') != NULL, "loadavg: running/total");
	slurp("/proc/meminfo", buf, sizeof(buf));
	check(!strncmp(buf, "MemTotal:", 9) && strstr(buf, "\nMemFree:") &&
	      strstr(buf, "\nSwapTotal:"), "meminfo: MemTotal, MemFree, SwapTotal");
	slurp("/proc/cpuinfo", buf, sizeof(buf));
	check(!strncmp(buf, "processor\t: 0\n", 14) && strstr(buf, "\nflags\t\t:") &&
	      strstr(buf, " fxsr") && strstr(buf, " sse2"),
	      "cpuinfo: processor 0, flags with fxsr and sse2");
	slurp("/proc/stat", buf, sizeof(buf));
	check(!strncmp(buf, "cpu  ", 5) && strstr(buf, "\nbtime ") &&
	      strstr(buf, "\nprocesses "), "stat: cpu, btime, processes");
	check(slurp("/proc/sys/kernel/pid_max", buf, sizeof(buf)) > 0 &&
	      atoi(buf) >= 32768, "pid_max is at least 32768");
	check(slurp("/proc/sys/kernel/threads-max", buf, sizeof(buf)) > 0 &&
	      atoi(buf) > 0, "threads-max is a number");
	fd = open("/proc/uptime", O_WRONLY);	/* root may open it */
	check((fd < 0 && errno == EACCES) ||
	      (write(fd, "1", 1) < 0 && errno == EIO),
	      "a read-only file cannot be written: EACCES, or EIO for root");
	if (fd >= 0)
		close(fd);
}

static int gives(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

/* test_names — /proc's names are its own, even for root: no new one can
 * be made (ENOENT, Linux's proc lookup), none removed or renamed (EPERM:
 * it has no such operations), and nothing crashes for asking. */
static void test_names(void)
{
	errno = 0;
	check(gives(mkdir("/proc/t_proc_x", 0755), ENOENT), "mkdir in /proc: ENOENT");
	check(gives(mkdir("/proc/self/t_proc_x", 0755), ENOENT),
	      "mkdir in /proc/self: ENOENT");
	check(gives(open("/proc/t_proc_z", O_CREAT | O_WRONLY, 0644), ENOENT),
	      "O_CREAT in /proc: ENOENT");
	check(gives(symlink("x", "/proc/t_proc_l"), ENOENT), "symlink in /proc: ENOENT");
	check(gives(link("/proc/meminfo", "/proc/t_proc_k"), ENOENT),
	      "link in /proc: ENOENT");
	check(gives(rename("/proc/meminfo", "/proc/t_proc_y"), ENOENT),
	      "rename to a new name in /proc: ENOENT");
	check(gives(rename("/proc/meminfo", "/proc/cpuinfo"), EPERM),
	      "rename onto another /proc file: EPERM");
	check(gives(unlink("/proc/meminfo"), EPERM), "unlink in /proc: EPERM");
	check(gives(unlink("/proc/self/status"), EPERM), "unlink in /proc/self: EPERM");
	check(gives(rmdir("/proc/1"), EPERM), "rmdir of /proc/1: EPERM");
	check(gives(mkdir("/proc/self", 0755), EEXIST), "mkdir of /proc/self: EEXIST");
}

int main(int argc, char **argv)
{
	(void)argc;
	if (argc < 2) {		/* run again with an argument, for cmdline */
		execl(argv[0], argv[0], "self", (char *)NULL);
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	test_self(argv[0]);
	test_threads();
	test_children();
	test_system();
	test_names();
	printf("t_proc: %d failed\n", failures);
	return failures != 0;
}
