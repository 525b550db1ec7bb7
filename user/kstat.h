/* user/kstat.h — reading the kernel's object table, /dev/kstat, for the
 * programs that check for leaks: init (around a test), fuzz (between
 * children) and exhaust (around each failed call). The table's counter
 * lines are "name alive created destroyed"; other lines (the caches, the
 * task count, threads_max) have two fields. Which kinds exist is the
 * kernel's business (kernel/lib/objstat.c): nothing here lists them. */
#ifndef CLONIX_USER_KSTAT_H
#define CLONIX_USER_KSTAT_H

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KSTAT_MAX	2048

/* kstat_read — the table into buf (KSTAT_MAX bytes; empty on failure). */
static inline void kstat_read(char *buf)
{
	int fd = open("/dev/kstat", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, KSTAT_MAX - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
}

static inline const char *kstat_next_line(const char *l)
{
	l += strcspn(l, "\n");
	return *l ? l + 1 : l;
}

/* kstat_value — the first number on the line of name (length n), or -1. */
static inline long kstat_value_n(const char *text, const char *name, size_t n)
{
	for (const char *l = text; *l; l = kstat_next_line(l))
		if (!strncmp(l, name, n) && l[n] == ' ')
			return strtol(l + n + 1, NULL, 10);
	return -1;
}

static inline long kstat_value(const char *text, const char *name)
{
	return kstat_value_n(text, name, strlen(name));
}

/* kstat_counter_line — "name alive created destroyed": four fields. */
static inline bool kstat_counter_line(const char *l)
{
	int spaces = 0;

	for (; *l && *l != '\n'; l++)
		spaces += *l == ' ';
	return *l != '#' && spaces == 3;
}

/* kstat_next_leak — from line l of before on, the next counter line whose
 * alive count differs in after, or NULL; *len is its name's length,
 * *b and *a the two counts. Loop with l = kstat_next_line(l). */
static inline const char *kstat_next_leak(const char *l, const char *after,
					  int *len, long *b, long *a)
{
	for (; *l; l = kstat_next_line(l)) {
		size_t n = strcspn(l, " \n");

		if (*l == '#' || !kstat_counter_line(l))
			continue;
		*b = strtol(l + n + 1, NULL, 10);
		*a = kstat_value_n(after, l, n);
		*len = (int)n;
		if (*a != *b)
			return l;
	}
	return NULL;
}

#endif
