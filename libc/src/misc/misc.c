/* libc/src/misc/misc.c — getcwd, sleep, usleep, getopt. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "../internal.h"

char *getcwd(char *buf, size_t size)
{
	long r = __syscall2(__NR_getcwd, (long)buf, size);

	if (r < 0) {
		errno = -r;
		return NULL;
	}
	return buf;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { seconds, 0 };

	return nanosleep(&ts, &ts) ? ts.tv_sec : 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = { usec / 1000000, usec % 1000000 * 1000 };

	return nanosleep(&ts, NULL);
}

char *optarg;
int optind = 1, opterr = 1, optopt;
static int optpos = 1;

/* getopt — POSIX getopt: "ab:c", '?' for an unknown option or a missing
 * argument (':' instead when optstring starts with ':'). */
int getopt(int argc, char *const argv[], const char *opts)
{
	const char *arg = argv[optind], *spec;
	int c;

	if (optind >= argc || !arg || arg[0] != '-' || !arg[1])
		return -1;
	if (!strcmp(arg, "--")) {
		optind++;
		return -1;
	}
	c = optopt = arg[optpos++];
	spec = c != ':' ? strchr(opts, c) : NULL;
	if (!arg[optpos]) {
		optind++;
		optpos = 1;
	}
	if (!spec) {
		if (opterr && opts[0] != ':')
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (optpos > 1) {		/* argument glued on: -ofile */
		optarg = (char *)arg + optpos;
		optind++;
		optpos = 1;
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		if (opterr && opts[0] != ':')
			fprintf(stderr, "%s: option requires an argument -- '%c'\n",
				argv[0], c);
		return opts[0] == ':' ? ':' : '?';
	}
	return c;
}
