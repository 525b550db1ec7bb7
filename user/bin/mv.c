/* user/bin/mv.c — mv old new — rename. */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: mv old new\n");
		return 2;
	}
	if (rename(argv[1], argv[2]) < 0) {
		perror("mv");
		return 1;
	}
	return 0;
}
