/* libc/src/stdlib/libc_start_main.c — from crt0's _start to main, and
 * from main's return to exit. */
#include <stdlib.h>
#include <unistd.h>

char **environ;

int main(int argc, char **argv, char **envp);

void __libc_start_main(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}
