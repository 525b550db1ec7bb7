/* user/bin/sleep.c — sleep seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: sleep seconds\n");
		return 2;
	}
	sleep(atoi(argv[1]));
	return 0;
}
