/* libc/src/stdlib/libc_start_main.c — from crt0's _start to main, and
 * from main's return to exit. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char **environ;
char *program_invocation_name, *program_invocation_short_name;

int main(int argc, char **argv, char **envp);
void __init_tp(char **envp);

void __libc_start_main(int argc, char **argv, char **envp)
{
	char *slash;

	__init_tp(envp);	/* first: errno lives there */
	environ = envp;
	slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
	program_invocation_name = argc > 0 ? argv[0] : "";
	program_invocation_short_name = slash ? slash + 1 :
					program_invocation_name;
	exit(main(argc, argv, envp));
}
