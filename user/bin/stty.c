/* user/bin/stty.c — stty [[-]setting...] — show or change the terminal's
 * local modes: icanon, echo, isig and tostop (a background job that
 * writes is stopped with SIGTTOU). A background stty is itself stopped
 * (SIGTTOU), as changing the modes is the foreground job's business.
 * try: stty; stty tostop; sleep 1; echo hi & */
#include <stdio.h>
#include <string.h>
#include <termios.h>

static const struct {
	const char *name;
	tcflag_t bit;
} modes[] = {
	{ "icanon", ICANON }, { "echo", ECHO }, { "isig", ISIG },
	{ "tostop", TOSTOP },
};

#define NMODES	(int)(sizeof(modes) / sizeof(modes[0]))

static int set_mode(struct termios *t, const char *arg)
{
	int off = arg[0] == '-';

	for (int i = 0; i < NMODES; i++)
		if (!strcmp(arg + off, modes[i].name)) {
			t->c_lflag = off ? t->c_lflag & ~modes[i].bit :
					   t->c_lflag | modes[i].bit;
			return 0;
		}
	fprintf(stderr, "stty: invalid argument '%s'\n", arg);
	return -1;
}

int main(int argc, char **argv)
{
	struct termios t;

	if (tcgetattr(0, &t) < 0) {
		perror("stty: standard input");
		return 1;
	}
	if (argc == 1) {
		for (int i = 0; i < NMODES; i++)
			printf("%s%s%s", i ? " " : "",
			       t.c_lflag & modes[i].bit ? "" : "-", modes[i].name);
		printf("\n");
		return 0;
	}
	for (int i = 1; i < argc; i++)
		if (set_mode(&t, argv[i]) < 0)
			return 1;
	if (tcsetattr(0, TCSANOW, &t) < 0) {
		perror("stty");
		return 1;
	}
	return 0;
}
