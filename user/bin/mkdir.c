/* user/bin/mkdir.c — mkdir dir... — make directories. */
#include <stdio.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		if (mkdir(argv[i], 0777) < 0) {
			perror(argv[i]);
			status = 1;
		}
	return status;
}
