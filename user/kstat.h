/* user/kstat.h — reading the kernel's object table, /dev/kstat, for the
 * programs that check for leaks: init (around a test), fuzz (between
 * children) and exhaust (around each failed call). The table's counter
 * lines are "name alive created destroyed cached" (cached: the part of
 * alive a cache keeps on purpose); other lines (the buffer count, the
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

/* kstat_line — the line of name (length n) in text, or NULL. */
static inline const char *kstat_line(const char *text, const char *name,
				     size_t n)
{
	for (const char *l = text; *l; l = kstat_next_line(l))
		if (!strncmp(l, name, n) && l[n] == ' ')
			return l;
	return NULL;
}

/* kstat_value — the first number on the line of name (length n), or -1. */
static inline long kstat_value_n(const char *text, const char *name, size_t n)
{
	const char *l = kstat_line(text, name, n);

	return l ? strtol(l + n + 1, NULL, 10) : -1;
}

static inline long kstat_value(const char *text, const char *name)
{
	return kstat_value_n(text, name, strlen(name));
}

/* kstat_counter_line — "name alive created destroyed cached": five
 * fields. */
static inline bool kstat_counter_line(const char *l)
{
	int spaces = 0;

	for (; *l && *l != '\n'; l++)
		spaces += *l == ' ';
	return *l != '#' && spaces == 4;
}

/* kstat_in_use — alive − cached of a counter line. */
static inline long kstat_in_use(const char *l)
{
	char *end;
	long alive = strtol(l + strcspn(l, " "), &end, 10);

	strtol(end, &end, 10);			/* created */
	strtol(end, &end, 10);			/* destroyed */
	return alive - strtol(end, NULL, 10);
}

/* kstat_next_leak — from line l of before on, the next counter line whose
 * count in use differs in after, or NULL; *len is its name's length,
 * *b and *a the two counts. Loop with l = kstat_next_line(l). */
static inline const char *kstat_next_leak(const char *l, const char *after,
					  int *len, long *b, long *a)
{
	for (; *l; l = kstat_next_line(l)) {
		size_t n = strcspn(l, " \n");
		const char *la;

		if (!kstat_counter_line(l))
			continue;
		la = kstat_line(after, l, n);
		*b = kstat_in_use(l);
		*a = la ? kstat_in_use(la) : -1;
		*len = (int)n;
		if (*a != *b)
			return l;
	}
	return NULL;
}

#endif
