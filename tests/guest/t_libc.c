/* tests/guest/t_libc.c — libc pieces checked against known answers and
 * compared with Linux: broken-down time (gmtime, mktime's carrying,
 * strftime, ctime), setjmp/longjmp, assert and abort (SIGABRT),
 * mkstemp, streams on files (fopen, fgets, fread, exit's flush), the
 * passwd and group readers, popen/pclose, system, execle/execvpe,
 * on_exit, fseek/ftell/ungetc/getline, remove, dprintf, rand and
 * <inttypes.h>. try: /tests/t_libc */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <inttypes.h>
#include <libgen.h>
#include <pthread.h>
#include <pwd.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"


static void test_time(void)
{
	static const struct { long long t; const char *iso; int wday, yday; } k[] = {
		{ 0, "1970-01-01 00:00:00", 4, 0 },
		{ 951782400, "2000-02-29 00:00:00", 2, 59 },
		{ 1700000000, "2023-11-14 22:13:20", 2, 317 },
		{ 2147483647, "2038-01-19 03:14:07", 2, 18 },
		{ -1, "1969-12-31 23:59:59", 3, 364 },
	};
	struct tm tm;
	char buf[128];

	for (unsigned i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		time_t t = (time_t)k[i].t;

		gmtime_r(&t, &tm);
		strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
		printf("gmtime(%lld) = %s wday %d yday %d\n", k[i].t, buf,
		       tm.tm_wday, tm.tm_yday);
		check(!strcmp(buf, k[i].iso) && tm.tm_wday == k[i].wday &&
		      tm.tm_yday == k[i].yday && timegm(&tm) == t,
		      "gmtime and timegm agree with the calendar");
	}
	tm = (struct tm){ .tm_year = 123, .tm_mon = 13, .tm_mday = 31,
			  .tm_hour = 25, .tm_min = 61, .tm_sec = 61 };
	check(timegm(&tm) == 1709431321 && tm.tm_mon == 2 && tm.tm_mday == 3 &&
	      tm.tm_hour == 2 && tm.tm_min == 2 && tm.tm_sec == 1,
	      "mktime carries: 2023-14-31 25:61:61 is 2024-03-03 02:02:01");
	strftime(buf, sizeof(buf), "%a %A %b %B %d %e %j %u %w %y %C %D %F %T "
		 "%R %I %p %%d %Z %z %s", &tm);
	printf("strftime: %s\n", buf);
	check(strftime(buf, 5, "%Y-%m", &tm) == 0, "strftime: no room gives 0");
	time_t t = 1700000000;
	printf("ctime: %s", ctime(&t));
}

static jmp_buf env;
static volatile int depth, limit = 10;

static void dive(int n)
{
	depth = n;
	if (n < limit)
		dive(n + 1);
	else if (n == limit)
		longjmp(env, n);
}

static void test_setjmp(void)
{
	volatile int kept = 7;
	int r = setjmp(env);

	if (r == 0) {
		kept = 8;
		dive(0);
	}
	check(r == 10 && depth == 10 && kept == 8,
	      "longjmp from 10 calls deep returns 10 at setjmp");
	if (setjmp(env) == 0)
		longjmp(env, 0);
	else
		check(1, "longjmp(env, 0) makes setjmp return 1, not 0");
}

static void failing_assert(void)
{
	int two = 2;

	close(2);			/* the message is not compared */
	assert(two == 3);
}

static int status_of(void (*body)(void))
{
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		body();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	return st;
}

static void catch_and_return(int sig)
{
	(void)sig;
}

static void abort_caught(void)
{
	signal(SIGABRT, catch_and_return);
	abort();
}

static void test_abort(void)
{
	int st = status_of(failing_assert);

	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT,
	      "a failed assert ends in SIGABRT");
	st = status_of(abort_caught);
	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT,
	      "abort kills even when SIGABRT is caught");
}

static void test_mkstemp(void)
{
	char name[] = "t_libc.XXXXXX", bad[] = "t_libc.XXX";
	struct stat st;
	int fd = mkstemp(name);

	check(fd >= 0 && strncmp(name, "t_libc.", 7) == 0 &&
	      strcmp(name + 7, "XXXXXX") != 0, "mkstemp fills the X's");
	check(fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600 &&
	      st.st_size == 0, "... a new, empty, 0600 file");
	close(fd);
	unlink(name);
	check(mkstemp(bad) < 0 && errno == EINVAL, "fewer than six X's: EINVAL");
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static void test_streams(void)
{
	char line[64] = "";
	FILE *f;
	pid_t pid;

	write_file("t_libc.txt", "first line\nsecond\n");
	f = fopen("t_libc.txt", "r");
	check(f && fgets(line, sizeof(line), f) && !strcmp(line, "first line\n"),
	      "fopen, fgets: the first line");
	check(fread(line, 1, sizeof(line), f) == 7 && !memcmp(line, "second\n", 7) &&
	      feof(f), "fread: the rest, then end of file");
	fclose(f);
	f = fopen("t_libc.txt", "a");
	fprintf(f, "third %d\n", 3);
	fclose(f);
	f = fopen("t_libc.txt", "r");
	while (fgets(line, sizeof(line), f))
		;
	fclose(f);
	check(!strcmp(line, "third 3\n"), "\"a\" appends");
	check(!fopen("/no/such/file", "r") && errno == ENOENT,
	      "fopen of a missing file: NULL, ENOENT");
	check(!fopen("t_libc.txt", "z") && errno == EINVAL, "a bad mode: EINVAL");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		f = fopen("t_libc.txt", "w");
		fputs("left in the buffer", f);
		exit(0);		/* exit flushes every open stream */
	}
	waitpid(pid, NULL, 0);
	f = fopen("t_libc.txt", "r");
	check(fgets(line, sizeof(line), f) && !strcmp(line, "left in the buffer"),
	      "exit flushes a stream that was never closed");
	fclose(f);
	unlink("t_libc.txt");
}

static void test_passwd(void)
{
	struct passwd *pw;
	struct group *gr;
	FILE *f;

	write_file("t_libc.pw", "root:x:0:0:root:/root:/bin/sh\n"
		   "broken:line\n"
		   "ann:x:1000:100:Ann N:/home/ann:/bin/sh\n");
	f = fopen("t_libc.pw", "r");
	pw = fgetpwent(f);
	check(pw && !strcmp(pw->pw_name, "root") && pw->pw_uid == 0 &&
	      !strcmp(pw->pw_dir, "/root"), "fgetpwent: root");
	pw = fgetpwent(f);
	check(pw && !strcmp(pw->pw_name, "ann") && pw->pw_uid == 1000 &&
	      pw->pw_gid == 100 && !strcmp(pw->pw_gecos, "Ann N"),
	      "... a malformed line skipped, then ann");
	check(!fgetpwent(f), "... and the end");
	fclose(f);
	write_file("t_libc.gr", "staff:x:50:ann,bob\n");
	f = fopen("t_libc.gr", "r");
	gr = fgetgrent(f);
	check(gr && gr->gr_gid == 50 && !strcmp(gr->gr_mem[0], "ann") &&
	      !strcmp(gr->gr_mem[1], "bob") && !gr->gr_mem[2],
	      "fgetgrent: staff with ann and bob");
	fclose(f);
	unlink("t_libc.pw");
	unlink("t_libc.gr");
	pw = getpwuid(0);
	check(pw && !strcmp(pw->pw_name, "root"), "getpwuid(0) is root");
}

static void test_popen(void)
{
	char line[64] = "", path[48], cmd[64];
	FILE *p = popen("echo hello from sh; exit 3", "r");
	int st;

	/* a name of our own: several copies may run at once (make flake) */
	snprintf(path, sizeof(path), "/tmp/t_libc_popen.%d", getpid());
	snprintf(cmd, sizeof(cmd), "cat > %s", path);

	check(p && fgets(line, sizeof(line), p) && !strcmp(line, "hello from sh\n"),
	      "popen \"r\": the command's stdout");
	st = pclose(p);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 3, "pclose: its wait status");
	p = popen(cmd, "w");
	fprintf(p, "sent through a pipe\n");
	st = pclose(p);
	p = fopen(path, "r");
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && p &&
	      fgets(line, sizeof(line), p) && !strcmp(line, "sent through a pipe\n"),
	      "popen \"w\": the command's stdin");
	if (p)
		fclose(p);
	unlink(path);
	check(popen("true", "rw") == NULL && errno == EINVAL, "popen mode \"rw\": EINVAL");
	st = system("exit 5");
	check(WIFEXITED(st) && WEXITSTATUS(st) == 5, "system: the shell's status");
	check(system(NULL) != 0, "system(NULL): a shell exists");
	fflush(stdout);
	check(WEXITSTATUS(system("echo system says hi")) == 0, "system runs it");
}

static void run_exec(int which)
{
	char *envp[] = { "GREETING=from envp", "PATH=/bin:/usr/bin", NULL };
	char *argv[] = { "sh", "-c", "echo execvpe: $GREETING", NULL };
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (which)
			execvpe("sh", argv, envp);
		else
			execle("/bin/sh", "sh", "-c", "echo execle: $GREETING",
			       (char *)NULL, envp);
		_exit(99);
	}
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      which ? "execvpe: PATH search, the given environment"
		    : "execle: the environment after the NULL");
}

static void first(void) { printf("atexit registered first, runs last\n"); }
static void last(void) { printf("atexit registered last, runs first\n"); }
static void middle(int status, void *arg)
{
	printf("on_exit: status %d, arg \"%s\"\n", status, (char *)arg);
}

static void test_exit_handlers(void)
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		atexit(first);
		on_exit(middle, "the argument");
		atexit(last);
		exit(7);
	}
	waitpid(pid, &st, 0);
	check(WEXITSTATUS(st) == 7, "exit handlers in reverse order, then the status");
}

static void test_seek(void)
{
	char tmp[] = "/tmp/t_libcXXXXXX", *line = NULL;
	size_t cap = 0;
	int fd = mkstemp(tmp);
	FILE *f = fdopen(fd, "w+");
	ssize_t n;

	fputs("first line\nsecond, longer line\nthird", f);
	check(ftell(f) == 36, "ftell counts buffered output");
	rewind(f);
	n = getline(&line, &cap, f);
	check(n == 11 && !strcmp(line, "first line\n"), "getline after rewind");
	check(ftell(f) == 11, "ftell counts what was read ahead");
	check(fgetc(f) == 's' && ungetc('S', f) == 'S' && fgetc(f) == 'S',
	      "ungetc gives back the byte pushed");
	fseek(f, -5, SEEK_END);
	n = getline(&line, &cap, f);
	check(n == 5 && !strcmp(line, "third") && getline(&line, &cap, f) == -1 &&
	      feof(f), "fseek from the end; getline without a newline, then EOF");
	fseek(f, 6, SEEK_SET);
	check(fgetc(f) == 'l' && fseek(f, 1, SEEK_CUR) == 0 && fgetc(f) == 'n',
	      "fseek SEEK_SET, then SEEK_CUR past read-ahead");
	check(fseek(f, 0, 42) == -1 && errno == EINVAL, "fseek with whence 42: EINVAL");
	free(line);
	fclose(f);
	check(remove(tmp) == 0 && access(tmp, F_OK) == -1, "remove a file");
	mkdir(tmp, 0700);
	check(remove(tmp) == 0 && access(tmp, F_OK) == -1, "remove a directory");
}

static void test_misc(void)
{
	int p[2];
	char buf[32] = "";
	int64_t big = -1234567890123LL;
	unsigned int seed = 7;
	int a, b;

	pipe(p);
	dprintf(p[1], "dprintf %d%s", 42, "!");
	close(p[1]);
	read(p[0], buf, sizeof(buf) - 1);
	close(p[0]);
	check(!strcmp(buf, "dprintf 42!"), "dprintf to a pipe");
	snprintf(buf, sizeof(buf), "%" PRId64 " %" PRIx32, big, (uint32_t)0xbeef);
	check(!strcmp(buf, "-1234567890123 beef"), "inttypes: PRId64, PRIx32");
	srand(1);
	a = rand();
	srand(1);
	b = rand();
	check(a == b && a >= 0 && a <= RAND_MAX && rand_r(&seed) != rand_r(&seed),
	      "srand repeats a sequence; rand_r moves its seed");
}

/* What real programs asked of the library beyond C99: sysconf, putenv,
 * random, libgen, strtok, prctl, read-write locks and spinlocks; the
 * answers must be glibc's. */
static void test_posix_extras(void)
{
	struct rlimit rl = { 16, 32 };
	static char entry[] = "T_LIBC_PUT=one";
	char p1[] = "/usr/lib/", p2[] = "/usr/lib/", p3[] = "file", p4[] = "/";
	char words[] = "a,b,,c", name[16];
	pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
	pthread_spinlock_t sp;
	long r[3];

	check(sysconf(_SC_CLK_TCK) == 100 && sysconf(_SC_PAGESIZE) == 4096 &&
	      getpagesize() == 4096, "sysconf: 100 ticks a second, 4 KiB pages");
	setrlimit(RLIMIT_NOFILE, &rl);
	check(sysconf(_SC_OPEN_MAX) == 16, "sysconf(_SC_OPEN_MAX) follows RLIMIT_NOFILE");
	check(sysconf(_SC_NPROCESSORS_ONLN) >= 1 && sysconf(_SC_PHYS_PAGES) > 0,
	      "sysconf: processors and memory");
	check(sysconf(-5) == -1 && errno == EINVAL, "sysconf of no name: EINVAL");
	check(putenv(entry) == 0 && !strcmp(getenv("T_LIBC_PUT"), "one"),
	      "putenv puts the string in");
	entry[11] = 'z';
	check(!strcmp(getenv("T_LIBC_PUT"), "zne"), "... the caller's own string");
	check(putenv("T_LIBC_PUT") == 0 && !getenv("T_LIBC_PUT"),
	      "putenv without '=' removes the name");
	printf("floats: %f %.3e %g %10.4f %-8.2g| %G %e %.0f %.0f %#.0f %+.2f\n",
	       3.14159, 1234.5, 0.0001, -2.5, 1e-10, 1e20, 5e-324, 0.5, 1.5,
	       2.0, 1.005);
	printf("float extremes: %.17g %g %f %e\n", 1.7976931348623157e308,
	       2.2250738585072014e-308, -0.0, 1.0 / 3);
	srandom(42);
	r[0] = random(), r[1] = random(), r[2] = random();
	printf("random after srandom(42): %ld %ld %ld\n", r[0], r[1], r[2]);
	check(!strcmp(basename(p1), "lib") && !strcmp(dirname(p2), "/usr") &&
	      !strcmp(dirname(p3), ".") && !strcmp(basename(p4), "/"),
	      "basename and dirname (POSIX)");
	check(!strcmp(strtok(words, ","), "a") && !strcmp(strtok(NULL, ","), "b") &&
	      !strcmp(strtok(NULL, ","), "c") && !strtok(NULL, ","), "strtok");
	check(prctl(PR_SET_NAME, "t-libc") == 0 &&
	      prctl(PR_GET_NAME, name) == 0 && !strcmp(name, "t-libc"),
	      "prctl from <sys/prctl.h>");
	check(pthread_rwlock_rdlock(&rw) == 0 && pthread_rwlock_tryrdlock(&rw) == 0 &&
	      pthread_rwlock_trywrlock(&rw) == EBUSY, "two readers; a writer must wait");
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_unlock(&rw);
	check(pthread_rwlock_wrlock(&rw) == 0 && pthread_rwlock_tryrdlock(&rw) == EBUSY &&
	      pthread_rwlock_wrlock(&rw) == EDEADLK,
	      "a writer excludes readers; its relock is EDEADLK");
	pthread_rwlock_unlock(&rw);
	check(pthread_rwlock_destroy(&rw) == 0, "a free rwlock is destroyed");
	pthread_spin_init(&sp, PTHREAD_PROCESS_PRIVATE);
	check(pthread_spin_lock(&sp) == 0 && pthread_spin_trylock(&sp) == EBUSY &&
	      pthread_spin_unlock(&sp) == 0 && pthread_spin_trylock(&sp) == 0,
	      "spinlock: trylock on a held one is EBUSY");
}

int main(void)
{
	test_time();
	test_setjmp();
	test_abort();
	test_mkstemp();
	test_streams();
	test_passwd();
	test_popen();
	run_exec(0);
	run_exec(1);
	test_exit_handlers();
	test_seek();
	test_misc();
	test_posix_extras();
	printf("t_libc: %d failed\n", failures);
	return failures != 0;
}
