/* tests/guest/t_symlink.c — symbolic links on the disk's file system,
 * compared with Linux: symlink(2) and symlinkat(2) make them (a short
 * target lives in the inode itself, a long one in a block); lstat sees
 * the link, stat and open go through it, readlink reads it; a dangling
 * link is ENOENT, a loop ELOOP, O_NOFOLLOW ELOOP; unlink removes the link,
 * not its target; Linux's errors for symlink (EEXIST, ENOENT, ENOTDIR).
 * try: /tests/t_symlink */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int fails_with(int r, int err)
{
	return r == -1 && errno == err;
}

static void test_short_and_long(void)
{
	char buf[512], longname[200];
	struct stat st, lst;
	int fd;
	ssize_t n;

	fd = open("target", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	check(fd >= 0 && write(fd, "through the link\n", 17) == 17,
	      "a target file");
	close(fd);
	check(symlink("target", "short") == 0, "symlink makes a link");
	check(lstat("short", &lst) == 0 && S_ISLNK(lst.st_mode) &&
	      lst.st_size == 6 && (lst.st_mode & 0777) == 0777,
	      "lstat: a link of mode 0777, its size the target's length");
	check(stat("short", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 17,
	      "stat follows it to the file");
	n = readlink("short", buf, sizeof(buf));
	check(n == 6 && !memcmp(buf, "target", 6), "readlink reads the target");
	check(readlink("short", buf, 3) == 3 && !memcmp(buf, "tar", 3),
	      "readlink cuts at the buffer's size, no NUL");
	fd = open("short", O_RDONLY);
	n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
	check(n == 17 && !memcmp(buf, "through the link\n", 17),
	      "open and read go through the link");
	close(fd);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	memcpy(longname, "./", 2);
	check(symlink(longname, "long") == 0, "a link with a 199-byte target");
	check(lstat("long", &lst) == 0 && lst.st_size == 199 &&
	      readlink("long", buf, sizeof(buf)) == 199 &&
	      !memcmp(buf, longname, 199), "its target is read back whole");
	check(fails_with(stat("long", &st), ENOENT), "it dangles: ENOENT");
	check(unlink("long") == 0 && unlink("short") == 0 &&
	      stat("target", &st) == 0, "unlink removes the links, not the file");
	unlink("target");
}

static void test_dirs_and_loops(void)
{
	struct stat st;
	char cwd[256];
	int fd;

	check(mkdir("dir", 0755) == 0 && symlink("dir", "dirlink") == 0,
	      "a link to a directory");
	fd = open("dirlink/inside", O_WRONLY | O_CREAT, 0644);
	check(fd >= 0 && stat("dir/inside", &st) == 0,
	      "a path through the link reaches the directory");
	close(fd);
	check(chdir("dirlink") == 0 && getcwd(cwd, sizeof(cwd)) &&
	      !strcmp(cwd + strlen(cwd) - 4, "/dir") && chdir("..") == 0,
	      "chdir through it; getcwd names the directory itself");
	check(symlink("loop2", "loop1") == 0 && symlink("loop1", "loop2") == 0,
	      "two links that name each other");
	check(fails_with(stat("loop1", &st), ELOOP), "following them: ELOOP");
	check(fails_with(open("dirlink", O_RDONLY | O_NOFOLLOW), ELOOP),
	      "O_NOFOLLOW on a link: ELOOP");
	check(fails_with(readlink("dir", cwd, sizeof(cwd)), EINVAL),
	      "readlink of a directory: EINVAL");
	unlink("dir/inside");
	unlink("loop1");
	unlink("loop2");
	unlink("dirlink");
	rmdir("dir");
}

/* test_create_through — O_CREAT on a link follows it: an existing target
 * is opened, a dangling one is created where the link points (relative
 * to the link's directory), through a chain of links too; O_EXCL and
 * O_NOFOLLOW do not follow (EEXIST, ELOOP). */
static void test_create_through(void)
{
	struct stat st;
	int fd;

	mkdir("sub", 0755);
	check(symlink("made", "sub/dangling") == 0 &&
	      symlink("sub/dangling", "chain") == 0, "a dangling link and a link to it");
	fd = open("sub/dangling", O_WRONLY | O_CREAT, 0600);
	check(fd >= 0 && stat("sub/made", &st) == 0 && S_ISREG(st.st_mode) &&
	      lstat("sub/dangling", &st) == 0 && S_ISLNK(st.st_mode),
	      "O_CREAT through a dangling link creates its target beside it");
	close(fd);
	unlink("sub/made");
	fd = open("chain", O_WRONLY | O_CREAT, 0600);
	check(fd >= 0 && stat("sub/made", &st) == 0,
	      "... and through a chain of two links");
	check(fd >= 0 && write(fd, "x", 1) == 1 && stat("chain", &st) == 0 &&
	      st.st_size == 1, "the file made is the one the links name");
	close(fd);
	check(fails_with(open("chain", O_WRONLY | O_CREAT | O_EXCL, 0600), EEXIST),
	      "O_CREAT|O_EXCL on a link: EEXIST, not followed");
	check(fails_with(open("chain", O_WRONLY | O_CREAT | O_NOFOLLOW, 0600), ELOOP),
	      "O_CREAT|O_NOFOLLOW on a link: ELOOP");
	check(symlink("nodir/x", "deep") == 0 &&
	      fails_with(open("deep", O_WRONLY | O_CREAT, 0600), ENOENT),
	      "a target in a missing directory: ENOENT");
	unlink("deep");
	unlink("chain");
	unlink("sub/dangling");
	unlink("sub/made");
	rmdir("sub");
}

static void test_errors(void)
{
	int fd = open("file", O_WRONLY | O_CREAT, 0644), dfd;

	close(fd);
	check(fails_with(symlink("x", "file"), EEXIST),
	      "symlink onto an existing name: EEXIST");
	check(fails_with(symlink("", "empty"), ENOENT),
	      "an empty target: ENOENT");
	check(fails_with(symlink("x", "nodir/link"), ENOENT),
	      "in a missing directory: ENOENT");
	check(fails_with(symlink("x", "file/link"), ENOTDIR),
	      "under a file: ENOTDIR");
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	check(symlinkat("file", dfd, "at") == 0 && readlinkat(dfd, "at",
	      (char[8]){ 0 }, 8) == 4, "symlinkat and readlinkat relative to "
	      "a directory descriptor");
	close(dfd);
	unlink("at");
	unlink("file");
}

int main(void)
{
	char dir[64];

	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(dir, sizeof(dir), "/tmp/t_symlink_%d", getpid());
	if (mkdir(dir, 0755) || chdir(dir)) {
		broken("a directory to work in");
		return failures;
	}
	test_short_and_long();
	test_dirs_and_loops();
	test_create_through();
	test_errors();
	chdir("/");
	rmdir(dir);
	return failures;
}
