/* user/bin/sh/jobs.c — job control: a slot per pipeline, waiting for
 * it in the foreground or polling it in the background, and the builtins
 * jobs, fg [%n], bg [%n], wait and kill [-SIG] pid|%n. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

static struct job jobs[MAXJOBS];

int job_number(const struct job *j)
{
	return (int)(j - jobs) + 1;
}

/* update_job — wait for each process not yet reaped; options WNOHANG
 * polls. Returns 1 when the job is over, 0 when it is stopped or busy. */
static int update_job(struct job *j, int options)
{
	for (int i = 0; i < j->n; i++) {
		int st;
		pid_t r;

		if (!j->pids[i])
			continue;
		while ((r = waitpid(j->pids[i], &st, options | WUNTRACED)) < 0 &&
		       errno == EINTR)
			;
		if (r == 0)
			return 0;
		if (r > 0 && WIFSTOPPED(st)) {
			j->stopped = 1;
			j->status = 128 + WSTOPSIG(st);
			return 0;
		}
		if (r > 0 && i == j->n - 1) {
			j->wstatus = st;
			j->status = WIFSIGNALED(st) ? 128 + WTERMSIG(st) :
				    WEXITSTATUS(st);
		}
		j->pids[i] = 0;
	}
	return 1;
}

static void print_job(struct job *j, const char *state)
{
	printf("[%d]+  %-8s %s\n", job_number(j), state, j->text);
}

/* how_it_ended — "Done", or the signal that ended it as bash says it:
 * "Segmentation fault (core dumped)" (strsignal and WCOREDUMP). */
static const char *how_it_ended(int st)
{
	static char buf[64];

	if (!WIFSIGNALED(st))
		return "Done";
	snprintf(buf, sizeof(buf), "%s%s", strsignal(WTERMSIG(st)),
		 WCOREDUMP(st) ? " (core dumped)" : "");
	return buf;
}

/* foreground — give the job the terminal, wait till it ends or stops,
 * and take the terminal back. Returns the job's status. */
int foreground(struct job *j)
{
	int over;

	if (interactive)
		tcsetpgrp(0, j->pgid);
	over = update_job(j, 0);
	if (interactive)
		tcsetpgrp(0, getpgrp());
	if (!over) {
		printf("\n");
		print_job(j, "Stopped");
	} else {
		if (WIFSIGNALED(j->wstatus) && WTERMSIG(j->wstatus) != SIGINT &&
		    WTERMSIG(j->wstatus) != SIGPIPE)
			printf("%s\n", how_it_ended(j->wstatus));
		j->pgid = 0;
	}
	return j->status;
}

/* reap_jobs — find the background jobs that are over. Before a prompt
 * and in jobs (say), report each and free its slot; otherwise an
 * interactive shell keeps the slot until it has said how the job ended,
 * as bash does, and a script, which reports nothing, frees it at once. */
void reap_jobs(int say)
{
	for (struct job *j = jobs; j < jobs + MAXJOBS; j++) {
		if (!j->pgid || j->stopped)
			continue;
		if (!j->over && !update_job(j, WNOHANG))
			continue;
		j->over = 1;
		if (say)
			print_job(j, how_it_ended(j->wstatus));
		if (say || !interactive)
			j->pgid = 0;
	}
}

struct job *new_job(struct cmd *cmds, int n)
{
	struct job *j = jobs;

	reap_jobs(0);
	while (j < jobs + MAXJOBS - 1 && j->pgid)
		j++;			/* the last slot is reused when all are taken */
	memset(j, 0, sizeof(*j));
	j->n = n;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < cmds[i].argc; k++)
			snprintf(j->text + strlen(j->text),
				 sizeof(j->text) - strlen(j->text), "%s%s",
				 k ? " " : i ? " | " : "", cmds[i].argv[k]);
	return j;
}

/* find_job — the job "%n" names, or the most recent one. */
static struct job *find_job(struct cmd *c)
{
	struct job *j = NULL;

	if (c->argc > 1) {
		int n = atoi(c->argv[1] + (c->argv[1][0] == '%'));

		j = n >= 1 && n <= MAXJOBS ? &jobs[n - 1] : NULL;
	} else {
		for (struct job *k = jobs; k < jobs + MAXJOBS; k++)
			if (k->pgid)
				j = k;
	}
	if (!j || !j->pgid) {
		fprintf(stderr, "sh: %s: no such job\n", c->argv[0]);
		return NULL;
	}
	return j;
}

static const char *const signames[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV",
	[SIGUSR2] = "USR2", [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM",
	[SIGTERM] = "TERM", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGABRT] = "ABRT", [SIGFPE] = "FPE",
};

/* signal_number — "9", "KILL" or "SIGKILL"; -1 if none of these. */
static int signal_number(const char *s)
{
	if (isdigit(*s))
		return atoi(s);
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < (int)(sizeof(signames) / sizeof(signames[0])); i++)
		if (signames[i] && !strcmp(s, signames[i]))
			return i;
	return -1;
}

/* kill_builtin — kill [-SIG] pid|%job...: a job's every process. */
static int kill_builtin(struct cmd *c)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (c->argc > 1 && c->argv[1][0] == '-' &&
	    (sig = signal_number(c->argv[i++] + 1)) < 0) {
		fprintf(stderr, "sh: kill: %s: invalid signal\n", c->argv[1]);
		return 1;
	}
	for (; i < c->argc; i++) {
		struct cmd one = { .argv = { "kill", c->argv[i] }, .argc = 2 };
		struct job *j = c->argv[i][0] == '%' ? find_job(&one) : NULL;
		int err = 0;

		if (c->argv[i][0] == '%' && !j) {
			status = 1;		/* find_job has said why */
			continue;
		}
		for (int k = 0; j && k < j->n; k++)
			if (j->pids[k] && kill(j->pids[k], sig) < 0)
				err = errno;
		if (!j && !err && kill(atoi(c->argv[i]), sig) < 0)
			err = errno;
		if (err) {
			fprintf(stderr, "sh: kill: %s: %s\n", c->argv[i],
				strerror(err));
			status = 1;
		}
	}
	return status;
}

/* job_builtin — jobs, fg, bg, wait and kill; -1 if c is none of them. */
int job_builtin(struct cmd *c)
{
	const char *name = c->argv[0];
	struct job *j;

	if (!strcmp(name, "jobs")) {
		reap_jobs(1);		/* also finds the ones stopped since */
		for (j = jobs; j < jobs + MAXJOBS; j++)
			if (j->pgid)
				print_job(j, j->stopped ? "Stopped" : "Running");
		return 0;
	}
	if (!strcmp(name, "kill"))
		return kill_builtin(c);
	if (!strcmp(name, "wait")) {
		for (j = jobs; j < jobs + MAXJOBS; j++)
			if (j->pgid && !j->stopped && update_job(j, 0))
				j->pgid = 0;
		return 0;
	}
	if (strcmp(name, "fg") && strcmp(name, "bg"))
		return -1;
	if (!(j = find_job(c)))
		return 1;
	j->stopped = 0;
	if (!strcmp(name, "bg")) {
		kill(-j->pgid, SIGCONT);
		printf("[%d]+ %s &\n", job_number(j), j->text);
		return 0;
	}
	printf("%s\n", j->text);
	fflush(stdout);
	/* the terminal first, then SIGCONT (bash's order): a job continued
	 * first may run before it has the terminal, and a write under
	 * TOSTOP stops it again */
	if (interactive)
		tcsetpgrp(0, j->pgid);
	kill(-j->pgid, SIGCONT);
	return foreground(j);
}
