/* user/bin/rmdir.c — rmdir dir... — remove empty directories. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		if (rmdir(argv[i]) < 0) {
			perror(argv[i]);
			status = 1;
		}
	return status;
}
