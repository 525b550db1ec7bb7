/* tests/guest/t_creds.c — user and group ids, compared with Linux (run
 * as root on both): the set*id rules for root and for others, the ids a
 * new file gets, permission bits for a non-root process (read, write,
 * search, create, delete, the sticky bit, chmod, access with the real
 * ids), and who may signal whom. try: /tests/t_creds */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char dir[64];

static int ids_are(uid_t r, uid_t e, uid_t s)
{
	uid_t a, b, c;

	return getresuid(&a, &b, &c) == 0 && a == r && b == e && c == s;
}

/* in_child — run body in a child; its exit status (0: all passed). */
static int in_child(void (*body)(void))
{
	int st = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		failures = 0;
		body();
		fflush(stdout);
		_exit(failures);
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100;
}

static void set_id_rules(void)
{
	check(ids_are(0, 0, 0), "root: all ids 0");
	check(setresuid(1000, 1001, 1002) == 0 && ids_are(1000, 1001, 1002),
	      "root sets real, effective and saved uid apart");
	check(getuid() == 1000 && geteuid() == 1001, "getuid, geteuid");
	check(setuid(1002) == 0 && ids_are(1000, 1002, 1002),
	      "setuid to the saved uid: only the effective one changes");
	check(setuid(0) < 0 && errno == EPERM, "setuid(0) now: EPERM");
	check(setreuid(-1, 1000) == 0 && ids_are(1000, 1000, 1002),
	      "setreuid(-1, real): effective = real, saved kept");
	check(setreuid(1002, -1) < 0 && errno == EPERM,
	      "setreuid: the real uid may become only the real or effective one");
	check(setresuid(-1, 7, -1) < 0 && errno == EPERM,
	      "setresuid to an id it has not: EPERM");
	check(setresgid(50, 50, 50) < 0 && errno == EPERM,
	      "a non-root process cannot change its gids either");
}

/* The old 16-bit calls (getuid 24, setreuid 70) beside the 32-bit ones
 * (199): an id above 65535 reads as 65534; 0xffff means "no change". */
static void old_calls_body(void)
{
	unsigned short r = 0, e = 0, sv = 0;

	check(syscall(70, 0xffff, 3000) == 0 && geteuid() == 3000 &&
	      getuid() == 0, "setreuid16(0xffff, 3000): the real uid kept");
	setresuid(-1, 0, -1);		/* back to root: the real uid is 0 */
	setresuid(70000, 70000, 70000);
	check(syscall(24) == 65534 && syscall(199) == 70000,
	      "uid 70000: getuid16 says 65534, getuid32 70000");
	check(syscall(165, &r, &e, &sv) == 0 && r == 65534 && e == 65534 &&
	      sv == 65534, "getresuid16: 65534 three times");
}

static void set_id_body(void)
{
	set_id_rules();
}

static const char *at(const char *name)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static void make(const char *name, mode_t mode)
{
	int fd = open(at(name), O_WRONLY | O_CREAT | O_TRUNC, mode);

	write(fd, "x", 1);
	close(fd);
	chmod(at(name), mode);
}

static void user_body(void)
{
	struct stat st;
	int fd;

	setgid(1000);
	setuid(1000);
	check(ids_are(1000, 1000, 1000), "root's setuid(1000): all three");
	check(open(at("secret"), O_RDONLY) < 0 && errno == EACCES,
	      "a 0600 file of root's: EACCES");
	fd = open(at("public"), O_RDONLY);
	check(fd >= 0, "a 0644 file: readable");
	close(fd);
	check(open(at("public"), O_WRONLY) < 0 && errno == EACCES,
	      "... not writable");
	check(access(at("public"), R_OK) == 0 &&
	      access(at("public"), W_OK) < 0 && errno == EACCES,
	      "access() agrees");
	check(open(at("closed/inner"), O_RDONLY) < 0 && errno == EACCES,
	      "through a 0700 directory of root's: EACCES (search)");
	check(open(at("mine"), O_WRONLY | O_CREAT, 0600) < 0 &&
	      errno == EACCES, "creating in a 0755 directory of root's: EACCES");
	fd = open(at("open/mine"), O_WRONLY | O_CREAT, 0640);
	check(fd >= 0, "creating in a 0777 directory");
	close(fd);
	check(stat(at("open/mine"), &st) == 0 && st.st_uid == 1000 &&
	      st.st_gid == 1000 && (st.st_mode & 0777) == 0640,
	      "the new file is ours: uid 1000, gid 1000");
	check(chmod(at("public"), 0666) < 0 && errno == EPERM,
	      "chmod of root's file: EPERM");
	check(chmod(at("open/mine"), 0600) == 0, "chmod of our own file");
	check(unlink(at("open/roots")) == 0,
	      "unlink root's file in a 0777 directory: allowed");
	check(unlink(at("sticky/roots")) < 0 && errno == EPERM,
	      "... in a sticky directory: EPERM");
	check(mkdir(at("sticky/ours"), 0700) == 0 && rmdir(at("sticky/ours")) == 0,
	      "our own entry in the sticky directory comes and goes");
	check(kill(1, 0) < 0 && errno == EPERM, "kill(init, 0): EPERM");
	check(kill(getppid(), SIGTERM) < 0 && errno == EPERM,
	      "kill(our root parent): EPERM");
	check(kill(getpid(), 0) == 0, "kill(ourselves, 0)");
	/* a wrong magic number: harmless even if we were root */
	check(syscall(88, 0, 0, 0, 0) < 0 && errno == EPERM,
	      "reboot: EPERM before the magic is looked at");
}

static void access_body(void)
{
	setresuid(1000, 0, 0);		/* real 1000, effective root */
	check(open(at("secret"), O_RDONLY) >= 0,
	      "effective root opens the 0600 file");
	check(access(at("secret"), R_OK) < 0 && errno == EACCES,
	      "access() uses the real uid: EACCES");
}

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/t_creds.%d", getpid());
	mkdir(dir, 0755);
	make("secret", 0600);
	make("public", 0644);
	mkdir(at("closed"), 0700);
	make("closed/inner", 0644);
	mkdir(at("open"), 0777);
	chmod(at("open"), 0777);
	make("open/roots", 0644);
	mkdir(at("sticky"), 01777);
	chmod(at("sticky"), 01777);
	make("sticky/roots", 0644);
}

static void cleanup(void)
{
	static const char *const files[] = { "secret", "public", "closed/inner",
		"open/mine", "open/roots", "sticky/roots", NULL };
	static const char *const dirs[] = { "closed", "open", "sticky", NULL };

	for (int i = 0; files[i]; i++)
		unlink(at(files[i]));
	for (int i = 0; dirs[i]; i++)
		rmdir(at(dirs[i]));
	rmdir(dir);
}

int main(void)
{
	setup();
	check(in_child(set_id_body) == 0, "the set*id rules (in a child)");
	check(in_child(user_body) == 0, "a non-root process (in a child)");
	check(in_child(access_body) == 0, "real versus effective (in a child)");
	check(in_child(old_calls_body) == 0, "the 16-bit calls (in a child)");
	cleanup();
	check(access(dir, F_OK) < 0, "everything cleaned up");
	printf("t_creds: %d failed\n", failures);
	return failures != 0;
}
