/* user/bin/sh/sh.h — a small Bourne-style shell: what its parts share.
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
 * try: echo hi | cat; ls -l /bin > /tmp/l; cat < /tmp/l | cat; echo $?
 * The parts: sh.c reads lines and runs them, words.c turns a line into
 * words (quoting, $ expansion, globbing), jobs.c keeps the jobs and their
 * builtins. */
#ifndef SH_H
#define SH_H

#include <sys/types.h>

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

/* A job is one pipeline. An interactive shell gives each its own process
 * group and hands the terminal to the one in the foreground; ^Z stops
 * the whole group, and fg/bg continue it (SIGCONT to the group). */
struct job {
	pid_t pgid;			/* 0: a free slot */
	pid_t pids[MAXCMDS];		/* 0 once reaped */
	int n, stopped, status;		/* status: of the last command, as $? */
	int over;			/* all reaped, not yet reported */
	int wstatus;			/* ... and as wait gave it */
	char text[80];
};

extern int last_status;			/* $? */
extern int script_argc;			/* $# + 1 */
extern char **script_argv;		/* $0, $1, ... */
extern int interactive;			/* on a terminal: job control */

/* words.c */
int tokenize(const char **sp, struct token *t, int max);

/* jobs.c */
struct job *new_job(struct cmd *cmds, int n);
int job_number(const struct job *j);
int foreground(struct job *j);
void reap_jobs(int say);
int job_builtin(struct cmd *c);

#endif
