/* tests/guest/t_pthread_life.c — a POSIX thread's life beyond its start
 * function, compared with Linux: cancellation (cond_wait, sleep, read,
 * disabled, asynchronous) with cleanup handlers, pthread_kill and
 * per-thread signal masks, main's pthread_exit leaving the process to
 * its last thread, and fork from a thread.
 * try: /tests/t_pthread_life */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

/* --- cancellation ------------------------------------------------- */

static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cc = PTHREAD_COND_INITIALIZER;
static volatile int cleanup_had_mutex, cleanups, waiting;

static void cleanup(void *arg)
{
	(void)arg;
	cleanup_had_mutex = pthread_mutex_trylock(&cm) == EBUSY;
	cleanups++;
	pthread_mutex_unlock(&cm);
}

static void *cancel_in_wait(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&cm);
	pthread_cleanup_push(cleanup, NULL);
	waiting = 1;
	for (;;)
		pthread_cond_wait(&cc, &cm);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *cancel_in_sleep(void *arg)
{
	(void)arg;
	waiting = 1;
	sleep(30);
	return (void *)1;
}

static void *cancel_in_read(void *arg)
{
	char c;

	waiting = 1;
	read(*(int *)arg, &c, 1);
	return (void *)1;
}

static volatile int may_go;

static void *cancel_disabled(void *arg)
{
	int old;

	(void)arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	waiting = 1;
	while (!may_go)
		usleep(1000);		/* a cancellation point, disabled */
	pthread_setcancelstate(old, NULL);
	pthread_testcancel();
	return (void *)1;
}

static void *cancel_async(void *arg)
{
	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
	waiting = 1;
	for (;;)
		;			/* no cancellation point at all */
	return NULL;
}

static void *cancel_run(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	void *r;

	waiting = 0;
	pthread_create(&t, NULL, fn, arg);
	while (!waiting)
		sched_yield();
	usleep(20000);			/* let it block */
	pthread_cancel(t);
	if (fn == cancel_disabled) {
		usleep(20000);
		may_go = 1;
	}
	pthread_join(t, &r);
	return r;
}

static void test_cancel(void)
{
	int p[2], old;

	check(cancel_run(cancel_in_wait, NULL) == PTHREAD_CANCELED &&
	      cleanups == 1 && cleanup_had_mutex,
	      "cancel in cond_wait: the cleanup handler runs with the mutex held");
	check(cancel_run(cancel_in_sleep, NULL) == PTHREAD_CANCELED,
	      "cancel in sleep: PTHREAD_CANCELED");
	pipe(p);
	check(cancel_run(cancel_in_read, &p[0]) == PTHREAD_CANCELED,
	      "cancel in read from an empty pipe: PTHREAD_CANCELED");
	close(p[0]);
	close(p[1]);
	check(cancel_run(cancel_disabled, NULL) == PTHREAD_CANCELED,
	      "cancel while disabled: acted on at the next point once enabled");
	check(cancel_run(cancel_async, NULL) == PTHREAD_CANCELED,
	      "asynchronous cancel of a busy loop");
	check(pthread_setcancelstate(9, &old) == EINVAL &&
	      pthread_setcanceltype(9, &old) == EINVAL,
	      "setcancelstate/type: bad values are EINVAL");
}

/* --- signals ------------------------------------------------------ */

static volatile pid_t handled_by;

static void on_usr1(int sig)
{
	(void)sig;
	handled_by = gettid();
}

static volatile pid_t target_tid;
static volatile int target_stop;

static void *signal_target(void *arg)
{
	sigset_t usr2;

	(void)arg;
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &usr2, NULL);
	target_tid = gettid();
	while (!target_stop)
		usleep(1000);
	return NULL;
}

static void test_signals(void)
{
	sigset_t mask;
	pthread_t t;

	signal(SIGUSR1, on_usr1);
	pthread_create(&t, NULL, signal_target, NULL);
	while (!target_tid)
		sched_yield();
	pthread_kill(t, SIGUSR1);
	while (!handled_by)
		usleep(1000);
	check(handled_by == target_tid,
	      "pthread_kill: the handler runs in the target thread");
	check(pthread_kill(t, 0) == 0 && pthread_kill(t, 99) == EINVAL,
	      "pthread_kill: signal 0 checks, 99 is EINVAL");
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	check(!sigismember(&mask, SIGUSR2),
	      "pthread_sigmask: the other thread's block is its own");
	target_stop = 1;
	pthread_join(t, NULL);
	signal(SIGUSR1, SIG_DFL);
}

/* --- process-wide effects ----------------------------------------- */

static void bye(void)
{
	printf("atexit handler ran\n");
}

static void *outlive_main(void *arg)
{
	(void)arg;
	usleep(20000);
	printf("the last thread ends\n");
	return NULL;
}

static void *fork_from_thread(void *arg)
{
	pid_t pid;
	int st;

	(void)arg;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *p = malloc(1000);	/* malloc's lock is usable */

		printf("child of a thread: pid == tid: %s, malloc %s\n",
		       getpid() == gettid() ? "yes" : "no", p ? "ok" : "failed");
		exit(0);
	}
	waitpid(pid, &st, 0);
	return (void *)(long)st;
}

static void test_process(void)
{
	pthread_t t;
	pid_t pid;
	void *r;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		atexit(bye);
		pthread_create(&t, NULL, outlive_main, NULL);
		pthread_exit(NULL);
	}
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "main's pthread_exit: the process lives on; the last thread's "
	      "exit is exit(0)");
	pthread_create(&t, NULL, fork_from_thread, NULL);
	pthread_join(t, &r);
	check(r == 0, "fork in a thread: the child has one thread and runs");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_cancel();
	test_signals();
	test_process();
	printf("t_pthread_life: %d failed\n", failures);
	return failures != 0;
}
