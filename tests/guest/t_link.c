/* tests/guest/t_link.c — hard links (link, linkat) against Linux, run as
 * root on both: a second name for one inode (st_nlink counts names, the
 * data stays while one is left), on ext2 and on tmpfs (/dev/shm); a
 * symbolic link is linked itself unless AT_SYMLINK_FOLLOW; AT_EMPTY_PATH
 * links an open file; Linux's errors in its order (EINVAL, ENOENT,
 * EEXIST, EXDEV, EACCES, EPERM).
 * try: /tests/t_link */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int fails_with(int r, int err)
{
	int ok = r == -1 && errno == err;

	errno = 0;
	return ok;
}

static int nlink(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -1 : (int)st.st_nlink;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !lstat(a, &sa) && !lstat(b, &sb) && sa.st_ino == sb.st_ino &&
	       sa.st_dev == sb.st_dev;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		broken("write a file");
	close(fd);
}

static int read_is(const char *path, const char *text)
{
	char buf[64] = { 0 };
	int fd = open(path, O_RDONLY), n;

	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n == (int)strlen(text) && !strcmp(buf, text);
}

/* names — link, both names, unlink one: on the file system of dir */
static void names(const char *dir, const char *where)
{
	char a[128], b[128], line[160];

	snprintf(a, sizeof(a), "%s/t_link.a", dir);
	snprintf(b, sizeof(b), "%s/t_link.b", dir);
	write_file(a, "shared bytes\n");
	snprintf(line, sizeof(line), "%s: link makes a second name, st_nlink 2", where);
	check(link(a, b) == 0 && nlink(a) == 2 && nlink(b) == 2 &&
	      same_file(a, b), line);
	write_file(b, "changed\n");
	snprintf(line, sizeof(line), "%s: a write by one name is read by the other", where);
	check(read_is(a, "changed\n"), line);
	snprintf(line, sizeof(line), "%s: unlink one name, the data stays", where);
	check(unlink(a) == 0 && nlink(b) == 1 && read_is(b, "changed\n"), line);
	snprintf(line, sizeof(line), "%s: a name that exists: EEXIST", where);
	write_file(a, "x");
	check(fails_with(link(a, b), EEXIST), line);
	unlink(a);
	unlink(b);
}

static void symlinks_and_fds(void)
{
	char path[64];
	int fd;

	write_file("t_link.file", "data");
	symlink("t_link.file", "t_link.sym");
	check(link("t_link.sym", "t_link.hard") == 0 &&
	      same_file("t_link.sym", "t_link.hard") && nlink("t_link.sym") == 2,
	      "link of a symbolic link links the link itself");
	unlink("t_link.hard");
	check(linkat(AT_FDCWD, "t_link.sym", AT_FDCWD, "t_link.hard",
		     AT_SYMLINK_FOLLOW) == 0 && same_file("t_link.file", "t_link.hard"),
	      "AT_SYMLINK_FOLLOW links the file it names");
	unlink("t_link.hard");
	fd = open("t_link.file", O_RDONLY);
	check(linkat(fd, "", AT_FDCWD, "t_link.hard", AT_EMPTY_PATH) == 0 &&
	      same_file("t_link.file", "t_link.hard"),
	      "AT_EMPTY_PATH links an open file (root)");
	close(fd);
	unlink("t_link.hard");
	check(fails_with(linkat(AT_FDCWD, "t_link.file", AT_FDCWD, "t_link.hard", 0x1),
			 EINVAL), "unknown flags: EINVAL");
	check(fails_with(link("t_link.none", "t_link.hard"), ENOENT),
	      "no such file: ENOENT");
	check(fails_with(link("t_link.file", "t_link.none/x"), ENOENT),
	      "no such directory for the new name: ENOENT");
	mkdir("t_link.dir", 0755);
	check(fails_with(link("t_link.dir", "t_link.dir2"), EPERM),
	      "a directory: EPERM");
	snprintf(path, sizeof(path), "/dev/shm/t_link.%d", getpid());
	check(fails_with(link("t_link.file", path), EXDEV),
	      "across file systems: EXDEV");
	check(fails_with(link("t_link.file", "t_link.sym"), EEXIST),
	      "onto an existing name, even before EXDEV: EEXIST");
	rmdir("t_link.dir");
	unlink("t_link.sym");
}

/* as_user — a directory the user may not write: EACCES */
static int as_user(void)
{
	if (setuid(1000))
		return 64;
	return fails_with(link("t_link.file", "t_link.ro/x"), EACCES) ? 0 : 1;
}

int main(void)
{
	int st;
	pid_t pid;
	char cwd[256];

	if (!getcwd(cwd, sizeof(cwd)))
		return 99;
	chmod(cwd, 0755);		/* the user's lookups below pass */
	names(".", "the disk");
	names("/dev/shm", "tmpfs");
	symlinks_and_fds();
	write_file("t_link.file", "data");
	/* the user's own file: Linux's protected_hardlinks, if set, lets an
	 * owner link it, so only the directory can refuse */
	if (chown("t_link.file", 1000, 1000))
		broken("chown");
	mkdir("t_link.ro", 0755);
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a directory the caller may not write: EACCES");
	rmdir("t_link.ro");
	unlink("t_link.file");
	printf("t_link: %d failed\n", failures);
	return failures;
}
