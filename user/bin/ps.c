/* user/bin/ps.c — every thread of every process, read from /proc (Linux's
 * layout): PID, TGID, PPID, state, then for each structure clone() may
 * share (mm, files, fs, sighand, and the thread group's signal) its id and
 * reference count from clonix's /proc/PID/task/TID/sharing: two threads
 * showing the same id share one object. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* slurp — a /proc file's text (NUL-terminated), or "" if it is gone */
static char *slurp(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0, r;

	while (fd >= 0 && n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	if (fd >= 0)
		close(fd);
	buf[n] = '\0';
	return buf;
}

static int numeric(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* show_thread — one line; the state and parent come after the ")" that
 * ends the command name in stat (a name may hold spaces or parentheses) */
static void show_thread(const char *tgid, const char *tid)
{
	char path[600], stat[512], sharing[256], comm[32], state[2] = "?";
	char *p, *line, *save;
	int ppid = 0;

	snprintf(path, sizeof(path), "/proc/%s/task/%s/stat", tgid, tid);
	p = strrchr(slurp(path, stat, sizeof(stat)), ')');
	if (!p)
		return;		/* exited meanwhile */
	state[0] = p[2];
	ppid = atoi(p + 4);
	snprintf(path, sizeof(path), "/proc/%s/task/%s/comm", tgid, tid);
	slurp(path, comm, sizeof(comm));
	comm[strcspn(comm, "\n")] = '\0';
	printf("%5s %5s %5d %-2s", tid, tgid, ppid, state);
	snprintf(path, sizeof(path), "/proc/%s/task/%s/sharing", tgid, tid);
	slurp(path, sharing, sizeof(sharing));
	for (line = strtok_r(sharing, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		unsigned int id = 0;
		int count = 0;
		char *f = strchr(line, '\t');

		if (f) {
			id = strtoul(f + 1, &f, 10);
			count = atoi(f);
		}
		if (id)
			printf(" %4u/%-3d", id, count);
		else
			printf(" %8s", "-");
	}
	printf(" %s\n", comm);
}

int main(void)
{
	DIR *proc = opendir("/proc"), *task;
	struct dirent *d, *t;
	char path[300];

	if (!proc) {
		perror("/proc");
		return 1;
	}
	printf("  PID  TGID  PPID ST   MM/use  FILES/u     FS/u SIGHND/u "
	       "THREADS/n COMMAND\n");
	while ((d = readdir(proc))) {
		if (!numeric(d->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task", d->d_name);
		if (!(task = opendir(path)))
			continue;
		while ((t = readdir(task)))
			if (numeric(t->d_name))
				show_thread(d->d_name, t->d_name);
		closedir(task);
	}
	closedir(proc);
	return 0;
}
