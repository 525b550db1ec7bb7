/* libc/src/stdlib/exit.c — exit(3), atexit(3), _Exit(2).
 * exit runs the atexit functions in reverse order, flushes stdio, then
 * ends the process (all its threads: exit_group). */
#include <stdlib.h>
#include <unistd.h>
#include "../internal.h"

#define ATEXIT_MAX	32

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

void exit(int status)
{
	while (nhandlers > 0)
		handlers[--nhandlers]();
	__stdio_exit();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}
