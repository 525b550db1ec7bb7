/* user/bin/sh/words.c — a line into words: '...', "..." and \ quoting,
 * $?, $$, $0-$9, $# and $NAME, globbing of an unquoted word's last name
 * (* ? [...], sorted, kept as it is if nothing matches), and the
 * operators | < > >> 2> 2>&1 & ;. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

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

/* append_var — the value of $NAME at s (just past the $) appended to the
 * word; returns where the name ends. */
static const char *append_var(char **w, size_t *len, const char *s)
{
	char tmp[16];
	const char *v = expand_var(&s, tmp);

	append(w, len, v, strlen(v));
	return s;
}

/* dquote — "..." from s (just past the opening quote): \ escapes only
 * " \ and $, and $ expands; returns what follows the closing quote. */
static const char *dquote(char **w, size_t *len, const char *s)
{
	while (*s && *s != '"') {
		if (*s == '\\' && s[1] && strchr("\"\\$", s[1]))
			s++;
		else if (*s == '$' && s[1] && s[1] != '"') {
			s = append_var(w, len, s + 1);
			continue;
		}
		append(w, len, s++, 1);
	}
	return s + (*s == '"');
}

/* next_word — one word from *p with quoting and $ expansion; NULL at an
 * operator or the end. */
static char *next_word(const char **p, int *glob)
{
	const char *s = *p;
	char *w = NULL;
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
			s = dquote(&w, &len, s + 1);
			quoted = 1;
		} else if (*s == '\\' && s[1]) {
			append(&w, &len, s + 1, 1);
			s += 2;
		} else if (*s == '$' && s[1]) {
			s = append_var(&w, &len, s + 1);
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
int tokenize(const char **sp, struct token *t, int max)
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
