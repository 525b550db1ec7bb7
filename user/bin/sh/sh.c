/* user/bin/sh/sh.c — a small Bourne-style shell (see sh.h): reading
 * lines, parsing each list element into a pipeline, running builtins in
 * the shell and everything else in children with redirections and pipes.
 * Usage: sh (interactive on a terminal), sh file [args], sh -c 'cmd'. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int last_status;
int script_argc;
char **script_argv;
int interactive;

/* --- reading lines ------------------------------------------------- */

static int read_line(int fd, char *buf, int size)
{
	static char in[LINE_MAX];
	static int pos, len;
	int n = 0;

	for (;;) {
		if (pos == len) {
			len = read(fd, in, sizeof(in));
			pos = 0;
			if (len <= 0) {
				len = 0;
				return n ? n : -1;
			}
		}
		char c = in[pos++];

		if (c == '\n')
			break;
		if (n < size - 1)
			buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

/* --- running ------------------------------------------------------- */

/* redirect — open path on fd (in the child); exits on failure. */
static void redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0666);

	if (f < 0) {
		perror(path);
		_exit(1);
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
}

static void exec_cmd(struct cmd *c)
{
	signal(SIGINT, SIG_DFL);	/* the shell ignores them, not its jobs */
	signal(SIGQUIT, SIG_DFL);
	if (c->in)
		redirect(c->in, 0, O_RDONLY);
	if (c->out)
		redirect(c->out, 1, O_WRONLY | O_CREAT |
			 (c->append ? O_APPEND : O_TRUNC));
	if (c->err)
		redirect(c->err, 2, O_WRONLY | O_CREAT | O_TRUNC);
	if (c->err2out)
		dup2(1, 2);
	execvp(c->argv[0], c->argv);
	fprintf(stderr, "sh: %s: %s\n", c->argv[0],
		errno == ENOENT ? "not found" : strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static int builtin(struct cmd *c)
{
	char *eq;

	if (!strcmp(c->argv[0], "cd")) {
		const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME");

		if (chdir(dir ? dir : "/") < 0) {
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (!strcmp(c->argv[0], "exit"))
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
	if (!strcmp(c->argv[0], "export")) {
		for (int i = 1; i < c->argc; i++)
			if ((eq = strchr(c->argv[i], '='))) {
				*eq = '\0';
				setenv(c->argv[i], eq + 1, 1);
			}
		return 0;
	}
	if ((eq = strchr(c->argv[0], '=')) && eq != c->argv[0] && c->argc == 1) {
		*eq = '\0';
		setenv(c->argv[0], eq + 1, 1);
		return 0;
	}
	return -1;
}

/* --- running commands ---------------------------------------------- */

/* start_child — in a new process: join the job's group (and take the
 * terminal, if it is the foreground job) before the signals the
 * interactive shell ignores go back to their defaults. */
static void start_child(struct job *j, int background)
{
	if (interactive) {
		setpgid(0, j->pgid);
		if (!background)
			tcsetpgrp(0, j->pgid ? j->pgid : getpid());
		signal(SIGTSTP, SIG_DFL);
		signal(SIGTTIN, SIG_DFL);
		signal(SIGTTOU, SIG_DFL);
	}
}

/* run_pipeline — fork each command with pipes between them; wait for the
 * job unless in the background. Returns the pipeline's status. */
static int run_pipeline(struct cmd *cmds, int n, int background)
{
	struct job *j;
	int in = -1, r;

	if (n == 1 && !background && ((r = builtin(&cmds[0])) >= 0 ||
				      (r = job_builtin(&cmds[0])) >= 0))
		return r;
	fflush(stdout);
	j = new_job(cmds, n);
	for (int i = 0; i < n; i++) {
		int fds[2] = { -1, -1 };

		if (i + 1 < n && pipe(fds) < 0) {
			perror("sh: pipe");
			return 1;
		}
		j->pids[i] = fork();
		if (j->pids[i] == 0) {
			start_child(j, background);
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			exec_cmd(&cmds[i]);
		}
		if (!j->pgid)
			j->pgid = j->pids[i];
		if (interactive)
			setpgid(j->pids[i], j->pgid);	/* as the child does */
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (!background)
		return foreground(j);
	if (interactive)
		printf("[%d] %d\n", job_number(j), j->pids[n - 1]);
	return 0;
}

/* parse_cmd — words and redirections up to | ; & or the end. */
static struct token *parse_cmd(struct token *t, struct cmd *c)
{
	memset(c, 0, sizeof(*c));
	for (; t->type != T_END && t->type != T_PIPE && t->type != T_AMP &&
	       t->type != T_SEMI; t++) {
		int type = t->type;
		char **target = type == T_IN ? &c->in : type == T_ERR ? &c->err :
				&c->out;

		if (type == T_WORD) {
			if (c->argc < MAXARGS)
				c->argv[c->argc++] = t->word;
		} else if (type == T_ERR2OUT) {
			c->err2out = 1;
		} else if (t[1].type == T_WORD) {
			*target = (++t)->word;
			c->append = type == T_APPEND ? 1 : c->append;
		} else {
			fprintf(stderr, "sh: syntax error near redirection\n");
			return NULL;
		}
	}
	return t;
}

/* run_tokens — the pipelines in one list element's tokens, each run as
 * soon as it is complete; -1 (and $? = 2) on a syntax error. */
static int run_tokens(struct token *t)
{
	struct cmd cmds[MAXCMDS];
	int n = 0;

	while (t->type != T_END) {
		t = parse_cmd(t, &cmds[n]);
		if (!t || (!cmds[n].argc && (t->type == T_PIPE || n))) {
			if (t)
				fprintf(stderr, "sh: syntax error\n");
			last_status = 2;
			return -1;
		}
		if (cmds[n].argc)
			n++;
		if (t->type == T_PIPE && n < MAXCMDS) {
			t++;
			continue;
		}
		if (n)
			last_status = run_pipeline(cmds, n, t->type == T_AMP);
		n = 0;
		if (t->type != T_END)
			t++;
	}
	return 0;
}

/* run_line — each list element in turn: expanded, then run. */
static void run_line(const char *line)
{
	struct token toks[256];
	int ntok, syntax = 0;

	while (*line && !syntax) {
		ntok = tokenize(&line, toks, 256);
		syntax = run_tokens(toks) < 0;
		for (int i = 0; i < ntok; i++)
			free(toks[i].word);
	}
}

int main(int argc, char **argv)
{
	char line[LINE_MAX];
	int fd = 0;

	if (argc > 2 && !strcmp(argv[1], "-c")) {
		script_argc = argc - 2;
		script_argv = argv + 2;
		run_line(argv[2]);
		return last_status;
	}
	if (argc > 1 && (fd = open(argv[1], O_RDONLY)) < 0) {
		fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
		return 127;
	}
	script_argc = argc > 1 ? argc - 1 : argc;
	script_argv = argc > 1 ? argv + 1 : argv;
	interactive = fd == 0 && isatty(0);
	if (interactive) {		/* ^C, ^Z end or stop the job, not us */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTIN, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
		setpgid(0, 0);		/* fails harmlessly for a session leader */
		tcsetpgrp(0, getpgrp());
	}
	for (;;) {
		if (interactive) {
			reap_jobs(1);
			printf("$ ");
			fflush(stdout);
		}
		if (read_line(fd, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		printf("\n");
	return last_status;
}
