/* libc/src/stdio/perror.c — perror(3). */
#include <errno.h>
#include <string.h>
#include "stdio_impl.h"

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}
