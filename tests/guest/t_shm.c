/* tests/guest/t_shm.c — POSIX shared memory: files of the tmpfs on
 * /dev/shm (shm_open) mapped MAP_SHARED, compared with Linux: the
 * mapping and read/write see the same bytes, across fork and between two
 * mappings; a futex in the shared page wakes another process (what LTP's
 * checkpoints do); a page past the end is SIGBUS; access rules (EACCES);
 * and names come and go (shm_unlink, ENOENT, the directory listing).
 * try: /tests/t_shm */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define PAGE	4096

static char name[32];		/* "/t_shm_PID": runs at once do not meet */


static int listed(const char *file)
{
	DIR *d = opendir("/dev/shm");
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= !strcmp(e->d_name, file);
	if (d)
		closedir(d);
	return found;
}

static void test_coherence(void)
{
	int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600), st;
	char *a, *b, buf[16];
	struct stat s;

	check(fd >= 0, "shm_open creates a new object");
	check(ftruncate(fd, 2 * PAGE) == 0 && fstat(fd, &s) == 0 &&
	      s.st_size == 2 * PAGE && S_ISREG(s.st_mode) &&
	      (s.st_mode & 0777) == 0600, "ftruncate sizes it; fstat agrees");
	check(listed(name + 1), "it is a file in /dev/shm");
	a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
	check(a != MAP_FAILED && b != MAP_FAILED, "two MAP_SHARED mappings");
	check(a[0] == 0 && a[PAGE + 5] == 0, "a new object reads as zeros");
	strcpy(a + PAGE, "through a");
	check(!strcmp(b, "through a"), "the second mapping sees the first's write");
	pwrite(fd, "by write", 9, 100);
	check(!strcmp(a + 100, "by write"), "the mapping sees write(2)");
	pread(fd, buf, 10, PAGE);
	check(!strcmp(buf, "through a"), "read(2) sees the mapping's write");
	if (fork() == 0) {
		strcpy(a + 200, "from the child");
		_exit(0);
	}
	wait(&st);
	check(!strcmp(a + 200, "from the child"),
	      "a fork child writes into the same frames");
	munmap(b, PAGE);
	munmap(a, 2 * PAGE);
	close(fd);
}

/* state_of — the state letter in /proc/PID/stat */
static char state_of(pid_t pid)
{
	char path[64], buf[256], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

/* the futex word LTP's checkpoints wait on, in a shared file page: the
 * parent wakes the child only once it is asleep in FUTEX_WAIT */
static void test_futex(void)
{
	int fd = shm_open(name, O_RDWR, 0), st, woken;
	volatile unsigned int *w;
	pid_t pid;

	w = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	w[0] = 0;
	pid = fork();
	if (pid == 0) {
		while (w[0] == 0)
			syscall(SYS_futex, w, 0, 0, NULL, 0, 0);	/* WAIT */
		_exit(w[0] == 1 ? 0 : 1);
	}
	while (state_of(pid) != 'S' && waitpid(pid, &st, WNOHANG) == 0)
		sched_yield();
	w[0] = 1;
	woken = syscall(SYS_futex, w, 1, 1, NULL, 0, 0);	/* WAKE */
	waitpid(pid, &st, 0);
	check(woken == 1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "FUTEX_WAKE in one process wakes FUTEX_WAIT in another");
	munmap((void *)w, PAGE);
}

static void test_bounds(void)
{
	int fd = shm_open(name, O_RDWR, 0), ro = shm_open(name, O_RDONLY, 0), st;
	char *a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	ftruncate(fd, PAGE);
	if (fork() == 0) {
		signal(SIGBUS, SIG_DFL);
		a[PAGE] = 1;		/* past the end now */
		_exit(0);
	}
	wait(&st);
	check(WIFSIGNALED(st) && WTERMSIG(st) == SIGBUS,
	      "touching a page past the end: SIGBUS");
	check(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) ==
	      MAP_FAILED && errno == EACCES,
	      "PROT_WRITE, MAP_SHARED of a read-only descriptor: EACCES");
	check(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0) != MAP_FAILED,
	      "PROT_READ of it works");
	check(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 99, 0) == MAP_FAILED &&
	      errno == EBADF, "a bad descriptor: EBADF");
	check(shm_unlink(name) == 0 && !listed(name + 1),
	      "shm_unlink removes the name");
	strcpy(a, "still mapped");
	check(!strcmp(a, "still mapped"), "... the mapping lives on");
	check(shm_open(name, O_RDWR, 0) < 0 && errno == ENOENT,
	      "shm_open of a removed name: ENOENT");
	check(shm_unlink(name) < 0 && errno == ENOENT,
	      "shm_unlink of it again: ENOENT");
	check(shm_open("/a/b", O_RDWR | O_CREAT, 0600) < 0 && errno == EINVAL,
	      "a name with an inner slash: EINVAL");
	munmap(a, 2 * PAGE);
	close(fd);
	close(ro);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(name, sizeof(name), "/t_shm_%d", getpid());
	test_coherence();
	test_futex();
	test_bounds();
	printf("t_shm: %d failed\n", failures);
	return failures != 0;
}
