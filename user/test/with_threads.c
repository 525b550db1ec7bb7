/* user/test/with_threads.c — run a program as the child of a thread
 * group: the leader starts N-1 threads, which sleep, forks, runs prog
 * in the child and waits for it; then exit_group ends the threads. Used
 * to show Debian's ps -eLf a process with N threads (LWPs), here and on
 * Linux alike (tests/host/test_debian.py).
 * try: with_threads 4 /bin/ps */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0, st;
	pthread_t t;
	pid_t pid;

	if (n < 1 || n > 64) {
		fprintf(stderr, "usage: with_threads N(1-64) prog [args]\n");
		return 2;
	}
	for (int i = 1; i < n; i++)
		if (pthread_create(&t, NULL, sleeper, NULL)) {
			perror("with_threads: pthread_create");
			return 1;
		}
	pid = fork();
	if (pid == 0) {
		execv(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0) {
		perror("with_threads");
		return 1;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
