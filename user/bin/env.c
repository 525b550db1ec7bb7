/* user/bin/env.c — env — print the environment. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	for (char **e = environ; *e; e++)
		printf("%s\n", *e);
	return 0;
}
