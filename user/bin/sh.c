/* user/bin/sh.c — a small Bourne-style shell.
 * Words with '...', "..." and \ quoting; $?, $$, $0-$9, $# and $NAME;
 * redirections < > >> 2> 2>&1; pipelines a | b | c; ; and &; builtins
 * cd, exit, export, wait, jobs, fg [%n], bg [%n], kill [-SIG] pid|%n;
 * NAME=value sets (and exports: one environment is all this shell
 * keeps); # comments.
 * Usage: sh (interactive on a terminal), sh file [args], sh -c 'cmd'.
 * An interactive shell does job control: each pipeline is a process
 * group, the foreground one owns the terminal; ^C and ^\ end it, ^Z
 * stops it (the shell itself ignores them), fg and bg continue it.
 * Each command of a list ("a; b", "a & b") is expanded just before it
 * runs, so in "false; echo $?" the $? is false's status, 1. An unquoted
 * word with * ? or [...] in its last name is replaced by the names that
 * match, sorted (kept as it is if none does), as POSIX globbing does.
 * try: echo hi | cat; ls -l /bin > /tmp/l; cat < /tmp/l | cat; echo $? */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXARGS		64
#define MAXCMDS		16
#define LINE_MAX	4096
#define MAXJOBS		16

enum { T_WORD, T_PIPE, T_IN, T_OUT, T_APPEND, T_ERR, T_ERR2OUT, T_AMP,
       T_SEMI, T_END };

struct token {
	int type;
	char *word;
};

struct cmd {
	char *argv[MAXARGS + 1];
	int argc;
	char *in, *out, *err;
	int append, err2out;
};

static int last_status;
static int script_argc;
static char **script_argv;

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

/* --- words and variables ------------------------------------------- */

static void append(char **w, size_t *len, const char *s, size_t n)
{
	*w = realloc(*w, *len + n + 1);
	memcpy(*w + *len, s, n);
	*len += n;
	(*w)[*len] = '\0';
}

/* expand_var — the value of $..., advancing *p past the name. */
static const char *expand_var(const char **p, char *tmp)
{
	const char *s = *p;
	char name[64];
	size_t n = 0;
	int brace = *s == '{';

	if (strchr("?$#", *s) || isdigit(*s)) {
		(*p)++;
		if (*s == '?')
			snprintf(tmp, 16, "%d", last_status);
		else if (*s == '$')
			snprintf(tmp, 16, "%d", getpid());
		else if (*s == '#')
			snprintf(tmp, 16, "%d", script_argc > 0 ? script_argc - 1 : 0);
		else
			return *s - '0' < script_argc ? script_argv[*s - '0'] : "";
		return tmp;
	}
	s += brace;
	while ((isalnum(*s) || *s == '_') && n < sizeof(name) - 1)
		name[n++] = *s++;
	name[n] = '\0';
	*p = s + (brace && *s == '}');
	if (!n)
		return brace ? "" : "$";
	return getenv(name) ? getenv(name) : "";
}

/* next_word — one word from *p with quoting and $ expansion; NULL at an
 * operator or the end. */
static char *next_word(const char **p, int *glob)
{
	const char *s = *p;
	char *w = NULL, tmp[16];
	size_t len = 0;
	int quoted = 0;

	*glob = 0;
	while (*s && !isspace(*s) && !strchr("|<>&;", *s)) {
		if (*s == '\'') {
			const char *e = strchr(++s, '\'');

			e = e ? e : s + strlen(s);
			append(&w, &len, s, e - s);
			s = *e ? e + 1 : e;
			quoted = 1;
		} else if (*s == '"') {
			for (s++; *s && *s != '"'; ) {
				if (*s == '\\' && s[1] && strchr("\"\\$", s[1]))
					s++;
				else if (*s == '$' && s[1] && s[1] != '"') {
					const char *v;

					s++;
					v = expand_var(&s, tmp);
					append(&w, &len, v, strlen(v));
					continue;
				}
				append(&w, &len, s++, 1);
			}
			s += *s == '"';
			quoted = 1;
		} else if (*s == '\\' && s[1]) {
			append(&w, &len, s + 1, 1);
			s += 2;
		} else if (*s == '$' && s[1]) {
			const char *v;

			s++;
			v = expand_var(&s, tmp);
			append(&w, &len, v, strlen(v));
		} else {
			*glob |= *s == '*' || *s == '?' || *s == '[';
			append(&w, &len, s++, 1);
		}
	}
	*p = s;
	if (!w && quoted)
		w = strdup("");
	return w;
}

/* --- globbing ------------------------------------------------------- */

/* in_set — is ch in the set [c, e) of a bracket expression (a-z ranges)? */
static int in_set(const char *c, const char *e, char ch)
{
	for (; c < e; c++) {
		if (c[1] == '-' && c + 2 < e) {
			if (ch >= c[0] && ch <= c[2])
				return 1;
			c += 2;
		} else if (*c == ch) {
			return 1;
		}
	}
	return 0;
}

/* match — does name match pattern (* any run, ? any one, [abc] [a-z]
 * [!x] one of a set; a ']' first in the set is one of it)? */
static int match(const char *pat, const char *name)
{
	const char *set, *e;
	int neg;

	if (!*pat)
		return !*name;
	if (*pat == '*')
		return match(pat + 1, name) || (*name && match(pat, name + 1));
	if (!*name)
		return 0;
	if (*pat == '[') {
		neg = pat[1] == '!';
		set = pat + 1 + neg;
		if ((e = strchr(set + 1, ']')))
			return in_set(set, e, *name) != neg && match(e + 1, name + 1);
	}
	return (*pat == '?' || *pat == *name) && match(pat + 1, name + 1);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* glob_word — the words a pattern stands for, added to t[*n...]; the
 * pattern itself when nothing matches. Only the last name is a pattern. */
static void glob_word(char *pat, struct token *t, int *n, int max)
{
	char *slash = strrchr(pat, '/'), *names[256], *dir;
	int found = 0, first = *n;
	struct dirent *d;
	DIR *dp;

	dir = slash ? strndup(pat, slash - pat + (slash == pat)) : strdup(".");
	dp = opendir(dir);
	while (dp && (d = readdir(dp)) && found < 256)
		if ((d->d_name[0] != '.' || (slash ? slash[1] : pat[0]) == '.') &&
		    match(slash ? slash + 1 : pat, d->d_name))
			names[found++] = strdup(d->d_name);
	if (dp)
		closedir(dp);
	qsort(names, found, sizeof(char *), by_name);
	for (int i = 0; i < found && *n < max - 1; i++, (*n)++) {
		size_t dl = slash ? (size_t)(slash - pat) + 1 : 0;
		char *w = malloc(dl + strlen(names[i]) + 1);

		memcpy(w, pat, dl);
		strcpy(w + dl, names[i]);
		t[*n] = (struct token){ T_WORD, w };
	}
	for (int i = 0; i < found; i++)
		free(names[i]);
	free(dir);
	if (*n == first)
		t[(*n)++] = (struct token){ T_WORD, pat };
	else
		free(pat);
}

/* tokenize — from *sp through the end of one list element (its ';' or
 * '&'), expanding as it goes; '#' at a word's start ends the line. */
static int tokenize(const char **sp, struct token *t, int max)
{
	const char *s = *sp;
	int n = 0, glob, end = 0;

	while (!end && n < max - 1) {
		while (isspace(*s))
			s++;
		if (!*s || *s == '#') {
			s += strlen(s);
			break;
		}
		t[n].word = NULL;
		if (!strncmp(s, "2>&1", 4)) {
			t[n].type = T_ERR2OUT;
			s += 4;
		} else if (!strncmp(s, "2>", 2)) {
			t[n].type = T_ERR;
			s += 2;
		} else if (!strncmp(s, ">>", 2)) {
			t[n].type = T_APPEND;
			s += 2;
		} else if (strchr("|<>&;", *s)) {
			t[n].type = *s == '|' ? T_PIPE : *s == '<' ? T_IN :
				    *s == '>' ? T_OUT : *s == '&' ? T_AMP : T_SEMI;
			end = *s == '&' || *s == ';';
			s++;
		} else {
			char *w = next_word(&s, &glob);

			if (glob && w) {
				glob_word(w, t, &n, max);
				continue;
			}
			t[n].type = T_WORD;
			t[n].word = w;
		}
		n++;
	}
	t[n].type = T_END;
	*sp = s;
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

/* --- jobs ---------------------------------------------------------- */

/* A job is one pipeline. An interactive shell gives each its own process
 * group and hands the terminal to the one in the foreground; ^Z stops
 * the whole group, and fg/bg continue it (SIGCONT to the group). */
struct job {
	pid_t pgid;			/* 0: a free slot */
	pid_t pids[MAXCMDS];		/* 0 once reaped */
	int n, stopped, status;		/* status: of the last command, as $? */
	int wstatus;			/* ... and as wait gave it */
	char text[80];
};

static struct job jobs[MAXJOBS];
static int interactive;

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
	printf("[%d]+  %-8s %s\n", (int)(j - jobs) + 1, state, j->text);
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
static int foreground(struct job *j)
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

/* reap_jobs — free the slots of background jobs that are over; before a
 * prompt, say which (say). */
static void reap_jobs(int say)
{
	for (struct job *j = jobs; j < jobs + MAXJOBS; j++)
		if (j->pgid && !j->stopped && update_job(j, WNOHANG)) {
			if (say)
				print_job(j, how_it_ended(j->wstatus));
			j->pgid = 0;
		}
}

static struct job *new_job(struct cmd *cmds, int n)
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
static int job_builtin(struct cmd *c)
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
		printf("[%d]+ %s &\n", (int)(j - jobs) + 1, j->text);
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
		printf("[%d] %d\n", (int)(j - jobs) + 1, j->pids[n - 1]);
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

/* run_line — each list element in turn: expanded, then run. */
static void run_line(const char *line)
{
	struct token toks[256], *t;
	struct cmd cmds[MAXCMDS];
	int n, ntok, syntax = 0;

	while (*line && !syntax) {
		ntok = tokenize(&line, toks, 256);
		for (t = toks, n = 0; t && t->type != T_END; ) {
			t = parse_cmd(t, &cmds[n]);
			if (!t || (!cmds[n].argc && (t->type == T_PIPE || n))) {
				if (t)
					fprintf(stderr, "sh: syntax error\n");
				last_status = 2;
				syntax = 1;
				break;
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
