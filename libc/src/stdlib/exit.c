/* libc/src/stdlib/exit.c — exit(3), atexit(3), on_exit(3), _Exit(2).
 * exit runs the registered functions in reverse order of registration
 * (atexit and on_exit share one list, as in glibc), flushes stdio, then
 * ends the process (all its threads: exit_group). */
#include <stdlib.h>
#include <unistd.h>
#include "../internal.h"

#define ATEXIT_MAX	32

static struct {
	void (*fn)(int status, void *arg);
	void (*plain)(void);
	void *arg;
} handlers[ATEXIT_MAX];
static int nhandlers;

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++].plain = fn;
	return 0;
}

int on_exit(void (*fn)(int status, void *arg), void *arg)
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers].fn = fn;
	handlers[nhandlers++].arg = arg;
	return 0;
}

void exit(int status)
{
	while (nhandlers > 0) {
		int i = --nhandlers;

		if (handlers[i].plain)
			handlers[i].plain();
		else
			handlers[i].fn(status, handlers[i].arg);
	}
	__stdio_exit();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}
