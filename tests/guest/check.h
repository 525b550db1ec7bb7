/* tests/guest/check.h — the verdicts of every guest test (STYLE 20), in
 * one place: TAP lines, "ok 7 - what" or "not ok 7 - what", numbered in
 * the order the checks run (in a forked child the child's own numbers go
 * on from the parent's); the count of failures is the exit status. A
 * check states a rule of the kernel; broken() says instead that the test
 * could not set up what it wanted to look at (a fork or a mapping that
 * failed), so that a reader does not take it for a wrong answer. Built
 * with our libc and with glibc alike. */
#ifndef GUEST_CHECK_H
#define GUEST_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int failures;		/* "not ok" lines so far */
static int checks;		/* lines so far: the TAP number */

static void check(int ok, const char *what)
{
	printf("%s %d - %s\n", ok ? "ok" : "not ok", ++checks, what);
	failures += !ok;
}

static void __attribute__((unused)) broken(const char *what)
{
	printf("not ok %d - %s # BROKEN: %s\n", ++checks, what, strerror(errno));
	failures++;
}

#endif
