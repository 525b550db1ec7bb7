/* tests/guest/t_files.c — file system calls and their errors, checked
 * from user space, the same on Linux and on clonix. Works in a scratch
 * directory under the current one. try: /tests/t_files */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define DIR_NAME	"t_files.d"
#define BIG		(5 * 1024 * 1024)


static int fails_with(int r, int err)
{
	return r < 0 && errno == err;
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int ok = fd >= 0 && write(fd, s, strlen(s)) == (ssize_t)strlen(s);

	return close(fd) == 0 && ok;
}

static void test_open_errors(void)
{
	int fd;

	check(fails_with(open("nope", O_RDONLY), ENOENT), "open of a missing file: ENOENT");
	fd = open("f", O_WRONLY | O_CREAT | O_EXCL, 0644);
	check(fd >= 0, "O_CREAT|O_EXCL creates");
	close(fd);
	check(fails_with(open("f", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST),
	      "O_CREAT|O_EXCL on an existing file: EEXIST");
	check(fails_with(open(".", O_WRONLY), EISDIR), "a directory for writing: EISDIR");
	check(fails_with(open("f/x", O_RDONLY), ENOTDIR), "a file as a directory: ENOTDIR");
	check(fails_with(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR),
	      "O_DIRECTORY on a file: ENOTDIR");
	check(fails_with(open("", O_RDONLY), ENOENT), "an empty path: ENOENT");
	check(fails_with(open((char *)16, O_RDONLY), EFAULT), "a bad path pointer: EFAULT");
	check(fails_with(close(999), EBADF), "close of fd 999: EBADF");
	check(fails_with(read(999, &fd, 1), EBADF), "read of fd 999: EBADF");
	fd = open("f", O_RDONLY);
	check(fails_with(write(fd, "x", 1), EBADF), "write to an O_RDONLY fd: EBADF");
	check(fails_with(read(fd, (void *)16, 1), EFAULT) || read(fd, (void *)16, 1) == 0,
	      "read into a bad buffer: EFAULT (or nothing to read)");
	close(fd);
}

static void test_read_write_seek(void)
{
	char buf[32] = { 0 };
	int fd = open("rw", O_RDWR | O_CREAT | O_TRUNC, 0644);

	check(write(fd, "hello, world", 12) == 12, "write 12 bytes");
	check(lseek(fd, 0, SEEK_CUR) == 12, "the offset moved to 12");
	check(lseek(fd, 7, SEEK_SET) == 7 && read(fd, buf, 5) == 5 &&
	      !memcmp(buf, "world", 5), "lseek SEEK_SET and read");
	check(lseek(fd, -5, SEEK_END) == 7, "lseek SEEK_END");
	check(fails_with(lseek(fd, -100, SEEK_CUR), EINVAL), "lseek before 0: EINVAL");
	check(read(fd, buf, sizeof(buf)) == 5 && read(fd, buf, 1) == 0,
	      "read stops at the end, then 0");
	check(pwrite(fd, "J", 1, 0) == 1 && pread(fd, buf, 5, 0) == 5 &&
	      !memcmp(buf, "Jello", 5) && lseek(fd, 0, SEEK_CUR) == 12,
	      "pread/pwrite leave the offset alone");
	check(lseek(fd, 20, SEEK_SET) == 20 && write(fd, "!", 1) == 1 &&
	      pread(fd, buf, 21, 0) == 21 && buf[15] == 0 && buf[20] == '!',
	      "writing past the end leaves a hole of zeros");
	check(ftruncate(fd, 5) == 0 && lseek(fd, 0, SEEK_END) == 5,
	      "ftruncate shrinks");
	check(ftruncate(fd, 10) == 0 && pread(fd, buf, 10, 0) == 10 &&
	      buf[5] == 0 && buf[9] == 0, "ftruncate extends with zeros");
	close(fd);
	fd = open("rw", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	check(write(fd, "++", 2) == 2 && lseek(fd, 0, SEEK_CUR) == 12,
	      "O_APPEND writes at the end whatever the offset");
	check((fcntl(fd, F_GETFL) & O_APPEND) != 0, "F_GETFL shows O_APPEND");
	close(fd);
	fd = open("rw", O_RDWR | O_TRUNC);
	check(lseek(fd, 0, SEEK_END) == 0, "O_TRUNC empties the file");
	close(fd);
}

static void test_dup(void)
{
	int fd = open("d", O_RDWR | O_CREAT | O_TRUNC, 0644), fd2, other;

	fd2 = dup(fd);
	check(fd2 > fd, "dup gives a new descriptor");
	write(fd, "abc", 3);
	check(lseek(fd2, 0, SEEK_CUR) == 3, "a dup shares the offset");
	other = open("f", O_RDONLY);
	check(dup2(fd, other) == other && lseek(other, 0, SEEK_CUR) == 3,
	      "dup2 over an open fd replaces it");
	check(dup2(fd, fd) == fd, "dup2 onto itself is a no-op");
	check(fails_with(dup3(fd, fd, 0), EINVAL), "dup3 onto itself: EINVAL");
	check(fails_with(dup2(999, 5), EBADF), "dup2 of a closed fd: EBADF");
	check(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	      fcntl(fd, F_GETFD) == FD_CLOEXEC && fcntl(fd2, F_GETFD) == 0,
	      "FD_CLOEXEC belongs to one descriptor");
	check(fcntl(fd, F_DUPFD, 20) == 20, "F_DUPFD takes the lowest >= 20");
	close(20);
	close(other);
	close(fd2);
	close(fd);
}

static void test_unlink_open(void)
{
	char buf[8] = { 0 };
	struct stat st;
	int fd;

	write_file("gone", "still");
	fd = open("gone", O_RDONLY);
	check(unlink("gone") == 0, "unlink of an open file");
	check(fails_with(stat("gone", &st), ENOENT), "its name is gone");
	check(read(fd, buf, 5) == 5 && !strcmp(buf, "still"),
	      "it stays readable through the open fd");
	check(fstat(fd, &st) == 0 && st.st_nlink == 0, "fstat shows no links");
	close(fd);
	check(fails_with(unlink("gone"), ENOENT), "a second unlink: ENOENT");
}

static void test_dirs(void)
{
	struct stat st;

	check(mkdir("sub", 0755) == 0, "mkdir");
	check(fails_with(mkdir("sub", 0755), EEXIST), "mkdir of an existing name: EEXIST");
	check(stat(".", &st) == 0 && st.st_nlink == 3, "a subdirectory adds a link to its parent");
	write_file("sub/file", "x");
	check(fails_with(rmdir("sub"), ENOTEMPTY), "rmdir of a non-empty directory: ENOTEMPTY");
	check(fails_with(rmdir("sub/file"), ENOTDIR), "rmdir of a file: ENOTDIR");
	check(fails_with(unlink("sub"), EISDIR), "unlink of a directory: EISDIR");
	check(fails_with(rmdir("."), EINVAL), "rmdir of \".\": EINVAL");
	check(fails_with(mkdir("no/such", 0755), ENOENT), "mkdir under a missing dir: ENOENT");
	check(unlink("sub/file") == 0 && rmdir("sub") == 0, "rmdir of an emptied directory");
	check(stat(".", &st) == 0 && st.st_nlink == 2, "... and the link goes");
}

static void test_rename(void)
{
	char buf[8] = { 0 };
	int fd;

	write_file("a", "A");
	write_file("b", "B");
	check(rename("a", "b") == 0, "rename over an existing file");
	fd = open("b", O_RDONLY);
	check(read(fd, buf, 1) == 1 && buf[0] == 'A', "the target now has the source's data");
	close(fd);
	check(fails_with(open("a", O_RDONLY), ENOENT), "the old name is gone");
	mkdir("d1", 0755);
	mkdir("d1/d2", 0755);
	check(fails_with(rename("d1", "d1/d2/d3"), EINVAL),
	      "a directory into its own subtree: EINVAL");
	mkdir("d3", 0755);
	check(fails_with(rename("d3", "d1"), ENOTEMPTY), "over a non-empty directory: ENOTEMPTY");
	check(fails_with(rename("b", "d3"), EISDIR), "a file over a directory: EISDIR");
	check(fails_with(rename("d3", "b"), ENOTDIR), "a directory over a file: ENOTDIR");
	check(rename("d3", "d1/d2/d4") == 0 && rmdir("d1/d2/d4") == 0,
	      "a directory moves into another");
	rmdir("d1/d2");
	rmdir("d1");
	unlink("b");
}

static nlink_t links(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_nlink : 0;
}

/* test_rename_dir_over_dir — a directory replacing an empty one keeps the
 * link counts right: the new parent has as many subdirectories as before,
 * the old one has one fewer (found by fuzz: the new parent lost one, an
 * e2fsck error); also within one directory. */
static void test_rename_dir_over_dir(void)
{
	mkdir("p", 0755);
	mkdir("q", 0755);
	mkdir("p/x", 0755);
	mkdir("q/y", 0755);
	mkdir("q/z", 0755);
	check(rename("p/x", "q/y") == 0, "a directory over an empty one");
	check(links("p") == 2 && links("q") == 4,
	      "... the old parent has 2 links, the new one still 4");
	check(rename("q/y", "q/z") == 0 && links("q") == 3,
	      "... within one directory: one subdirectory fewer");
	check(rmdir("q/z") == 0 && links("q") == 2 && rmdir("q") == 0 &&
	      rmdir("p") == 0, "and all of it is removed");
}

static void test_cwd(void)
{
	char buf[512], small[4];

	check(getcwd(buf, sizeof(buf)) != NULL, "getcwd");
	mkdir("c", 0755);
	check(chdir("c") == 0, "chdir into a subdirectory");
	check(getcwd(small, sizeof(small)) == NULL && errno == ERANGE,
	      "getcwd into a small buffer: ERANGE");
	check(chdir("..") == 0, "chdir ..");
	check(fails_with(chdir("f"), ENOTDIR), "chdir to a file: ENOTDIR");
	rmdir("c");
}

static void test_many_entries(void)
{
	char name[32];
	int n = 0, ok = 1;
	struct dirent *de;
	DIR *d;

	mkdir("many", 0755);
	for (int i = 0; i < 2000 && ok; i++) {
		snprintf(name, sizeof(name), "many/entry-%04d", i);
		ok = write_file(name, "");
	}
	check(ok, "2000 files in one directory");
	d = opendir("many");
	while (d && (de = readdir(d)))
		n++;
	closedir(d);
	check(n == 2002, "readdir sees all 2000, and . and ..");
	for (int i = 0; i < 2000 && ok; i++) {
		snprintf(name, sizeof(name), "many/entry-%04d", i);
		ok = unlink(name) == 0;
	}
	check(ok && rmdir("many") == 0, "... all removed again");
}

static void test_big_file(void)
{
	char *buf = malloc(BIG), *back = malloc(BIG);
	int fd = open("big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;

	for (int i = 0; i < BIG; i++)
		buf[i] = (i * 7 + i / 4096) & 0xff;
	check(write(fd, buf, BIG) == BIG, "a 5 MiB write");
	check(fstat(fd, &st) == 0 && st.st_size == BIG && st.st_blocks >= BIG / 512,
	      "its size and blocks");
	check(pread(fd, back, BIG, 0) == BIG && !memcmp(buf, back, BIG),
	      "read back, byte for byte");
	close(fd);
	check(unlink("big") == 0, "and removed");
	free(buf);
	free(back);
}

static void test_pipes(void)
{
	char buf[16] = { 0 };
	int fds[2], status;
	pid_t pid;

	check(pipe(fds) == 0, "pipe");
	check(write(fds[1], "ping", 4) == 4 && read(fds[0], buf, 16) == 4 &&
	      !strcmp(buf, "ping"), "what goes in comes out");
	close(fds[1]);
	check(read(fds[0], buf, 16) == 0, "no writer left: end of file");
	close(fds[0]);
	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		write(fds[1], "from child", 10);
		_exit(0);
	}
	close(fds[1]);
	memset(buf, 0, sizeof(buf));
	check(read(fds[0], buf, 16) == 10 && !strcmp(buf, "from child") &&
	      waitpid(pid, &status, 0) == pid, "a pipe between parent and child");
	close(fds[0]);
}

/* test_bad_writes — a write from a bad buffer past the end is EFAULT
 * (what it does to the size is the file system's business: Linux's ext4
 * moves it, ext2 here does not; clonix once left the block it allocated
 * beyond i_size, which e2fsck reports: found by fuzz, checked by
 * user/test/exhaust); a file opened without O_LARGEFILE ends at 2 GiB - 1. */
static void test_bad_writes(void)
{
	int fd = open("bad", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;

	check(write(fd, "0123456789", 10) == 10, "a 10-byte file");
	lseek(fd, 5000, SEEK_SET);
	check(fails_with(write(fd, (void *)0xC0000000, 100), EFAULT),
	      "a write from a kernel address past the end: EFAULT");
	check(lseek(fd, 0x7ffffffe, SEEK_SET) == 0x7ffffffe &&
	      write(fd, "ab", 2) == 1, "a write at 2 GiB - 2 is cut to 1 byte");
	check(fails_with(write(fd, "ab", 2), EFBIG), "at 2 GiB - 1: EFBIG");
	check(fstat(fd, &st) == 0 && st.st_size == 0x7fffffff,
	      "the size is 2 GiB - 1");
	close(fd);
	check(unlink("bad") == 0, "and removed");
}

/* test_devices — /dev/full and /dev/urandom, as drivers/char/mem.c and
 * random.c answer */
static void test_devices(void)
{
	char buf[32] = { 1 };
	int full = open("/dev/full", O_RDWR), rnd = open("/dev/urandom", O_RDONLY);

	check(fails_with(write(full, "x", 1), ENOSPC), "/dev/full: a write is ENOSPC");
	check(read(full, buf, sizeof(buf)) == sizeof(buf) && !buf[0] && !buf[31],
	      "/dev/full: reads are zeros");
	check(read(rnd, buf, sizeof(buf)) == sizeof(buf), "/dev/urandom: as many bytes as asked");
	close(full);
	close(rnd);
}

/* test_proc_links — /proc/self/cwd and root name the directories */
static void test_proc_links(void)
{
	char cwd[256], link[256];
	ssize_t n = readlink("/proc/self/cwd", link, sizeof(link) - 1);

	link[n > 0 ? n : 0] = '\0';
	check(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, link),
	      "/proc/self/cwd is the working directory");
	n = readlink("/proc/self/root", link, sizeof(link) - 1);
	check(n == 1 && link[0] == '/', "/proc/self/root is /");
}

int main(void)
{
	mkdir(DIR_NAME, 0755);
	if (chdir(DIR_NAME) < 0) {
		perror(DIR_NAME);
		return 2;
	}
	umask(022);
	test_open_errors();
	test_read_write_seek();
	test_dup();
	test_unlink_open();
	test_dirs();
	test_rename();
	test_rename_dir_over_dir();
	test_cwd();
	test_many_entries();
	test_big_file();
	test_bad_writes();
	test_pipes();
	test_devices();
	test_proc_links();
	unlink("f");
	unlink("d");
	unlink("rw");
	chdir("..");
	check(rmdir(DIR_NAME) == 0, "the scratch directory is empty at the end");
	printf("t_files: %d failed\n", failures);
	return failures != 0;
}
