/* tests/guest/t_filemap.c — the page cache seen from user space,
 * compared with Linux: a file on disk mapped MAP_SHARED and MAP_PRIVATE
 * shows the same bytes as read(2) and write(2), both ways at once (one
 * set of pages behind all of them); two processes share a MAP_SHARED
 * file; a MAP_PRIVATE page is copied on the first write, after fork too,
 * and never reaches the file; truncation under a mapping makes the pages
 * past the new end a SIGBUS; msync and mremap keep their rules; and
 * /proc/self/maps names the file, its offset and inode.
 * try: /tests/t_filemap */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define PAGE	4096

static char path[64];		/* "/tmp/t_filemap_PID": runs do not meet */

/* make_file — path, size bytes: page i filled with 'a' + i. */
#define MIN(a, b)	((a) < (b) ? (a) : (b))

static int make_file(int size)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char page[PAGE];

	for (int off = 0; fd >= 0 && off < size; off += PAGE) {
		memset(page, 'a' + off / PAGE, PAGE);
		if (write(fd, page, MIN(PAGE, size - off)) < 0)
			return -1;
	}
	return fd;
}

/* touch_gives — a child reads (or writes) *p: "ok", or "signal N". */
static const char *touch_gives(volatile char *p, int write)
{
	static char how[16];
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 'w';
		else
			(void)*p;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	if (WIFSIGNALED(st))
		snprintf(how, sizeof(how), "signal %d", WTERMSIG(st));
	else
		snprintf(how, sizeof(how), "ok");
	return how;
}

static void test_read_write_mmap(void)
{
	int fd = make_file(3 * PAGE);
	char *s, *p, buf[16];

	if (fd < 0) {
		broken("a file of three pages");
		return;
	}
	s = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check(s != MAP_FAILED && p != MAP_FAILED,
	      "a file on disk maps MAP_SHARED and MAP_PRIVATE");
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	check(s[0] == 'a' && s[PAGE] == 'b' && p[2 * PAGE + 7] == 'c',
	      "both mappings show what write(2) put in the file");
	pwrite(fd, "written", 7, PAGE + 100);
	check(!memcmp(s + PAGE + 100, "written", 7) &&
	      !memcmp(p + PAGE + 100, "written", 7),
	      "a write(2) after mmap shows in both (no page copied yet)");
	memcpy(s + 2 * PAGE + 10, "stored", 6);
	check(pread(fd, buf, 6, 2 * PAGE + 10) == 6 && !memcmp(buf, "stored", 6),
	      "a store through MAP_SHARED is what read(2) returns, no msync");
	check(!memcmp(p + 2 * PAGE + 10, "stored", 6),
	      "an unwritten MAP_PRIVATE page shows it too");
	p[PAGE + 100] = 'P';
	check(pread(fd, buf, 1, PAGE + 100) == 1 && buf[0] == 'w' &&
	      s[PAGE + 100] == 'w',
	      "a store through MAP_PRIVATE stays private (copy-on-write)");
	pwrite(fd, "X", 1, PAGE + 101);
	check(p[PAGE + 101] == 'r' && s[PAGE + 101] == 'X',
	      "the private copy no longer follows the file");
	check(msync(s, 3 * PAGE, MS_SYNC) == 0 && fsync(fd) == 0,
	      "msync(MS_SYNC) and fsync of the shared mapping");
	munmap(s, 3 * PAGE);
	munmap(p, 3 * PAGE);
	close(fd);
	fd = open(path, O_RDONLY);
	check(pread(fd, buf, 6, 2 * PAGE + 10) == 6 && !memcmp(buf, "stored", 6),
	      "after munmap and close, the file keeps the store");
	close(fd);
}

static void test_two_processes(void)
{
	int fd = make_file(PAGE), st, up[2], down[2];
	char *s = fd < 0 ? MAP_FAILED :
		  mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char x;
	pid_t pid;

	if (s == MAP_FAILED || pipe(up) || pipe(down)) {
		broken("a shared mapping and two pipes");
		return;
	}
	pid = fork();
	if (pid == 0) {
		int cfd = open(path, O_RDWR);
		char *c = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
			       cfd, 0);

		if (c == MAP_FAILED)
			_exit(2);
		strcpy(c + 200, "from the child");
		write(up[1], "1", 1);
		read(down[0], &x, 1);	/* the parent took its turn */
		_exit(strcmp(c + 300, "from the parent") ? 1 : 0);
	}
	read(up[0], &x, 1);
	check(!strcmp(s + 200, "from the child"),
	      "another process's own mapping of the file: its store is seen "
	      "here");
	strcpy(s + 300, "from the parent");
	write(down[1], "2", 1);
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "and this mapping's store is seen there");
	munmap(s, PAGE);
	close(fd);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
}

static void test_private_after_fork(void)
{
	int fd = make_file(PAGE), st;
	char *p = fd < 0 ? MAP_FAILED :
		  mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char buf[4];
	pid_t pid;

	if (p == MAP_FAILED) {
		broken("a private mapping");
		return;
	}
	(void)*(volatile char *)p;	/* the file's page, mapped read-only */
	pid = fork();
	if (pid == 0) {
		p[0] = 'C';
		_exit(p[0] == 'C' && p[1] == 'a' ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "MAP_PRIVATE after fork: the child's store goes to its copy");
	check(p[0] == 'a', "the parent still sees the file's byte");
	p[0] = 'P';
	check(pread(fd, buf, 1, 0) == 1 && buf[0] == 'a' && p[0] == 'P',
	      "the parent's store is its own too: the file is unchanged");
	munmap(p, PAGE);
	close(fd);
}

static void test_truncate(void)
{
	int fd = make_file(2 * PAGE);
	char *s = fd < 0 ? MAP_FAILED :
		  mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *p = fd < 0 ? MAP_FAILED :
		  mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	if (s == MAP_FAILED || p == MAP_FAILED) {
		broken("mappings of a two-page file");
		return;
	}
	check(!strcmp(touch_gives(s + 2 * PAGE, 0), "signal 7"),
	      "a mapped page wholly past the file's end: SIGBUS");
	p[PAGE] = 'q';			/* a private copy of page 1 */
	(void)s[PAGE];
	check(ftruncate(fd, PAGE + 10) == 0, "ftruncate to a page and 10 bytes");
	check(s[PAGE + 9] == 'b' && s[PAGE + 10] == 0 && s[PAGE + 4095] == 0,
	      "the last page: the file's bytes, then zeros to the page end");
	check(ftruncate(fd, PAGE) == 0, "ftruncate to one page");
	check(!strcmp(touch_gives(s + PAGE, 0), "signal 7"),
	      "under a MAP_SHARED mapping, the cut page is a SIGBUS");
	check(!strcmp(touch_gives(p + PAGE, 0), "signal 7"),
	      "under MAP_PRIVATE too, even the page it had copied");
	check(!strcmp(touch_gives(s, 1), "ok") && s[PAGE - 1] == 'a',
	      "the page before the new end is still there");
	check(ftruncate(fd, 2 * PAGE) == 0 && s[PAGE] == 0 && s[2 * PAGE - 1] == 0,
	      "grown again, the page reads as zeros");
	munmap(s, 3 * PAGE);
	munmap(p, 2 * PAGE);
	close(fd);
}

static void test_rules(void)
{
	int fd = make_file(PAGE), ro = open(path, O_RDONLY);
	int dir = open("/tmp", O_RDONLY);
	char *s;

	errno = 0;
	check(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) ==
	      MAP_FAILED && errno == EACCES,
	      "MAP_SHARED with PROT_WRITE of a read-only descriptor: EACCES");
	s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	check(s != MAP_FAILED, "MAP_PRIVATE with PROT_WRITE of it is allowed");
	if (s != MAP_FAILED)
		munmap(s, PAGE);
	s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
	errno = 0;
	check(s != MAP_FAILED && mprotect(s, PAGE, PROT_READ | PROT_WRITE) == -1 &&
	      errno == EACCES,
	      "mprotect cannot make that shared mapping writable: EACCES");
	if (s != MAP_FAILED)
		munmap(s, PAGE);
	errno = 0;
	check(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, dir, 0) == MAP_FAILED &&
	      errno == ENODEV, "a directory cannot be mapped: ENODEV");
	s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	errno = 0;
	check(msync(s, PAGE, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL,
	      "msync: MS_SYNC with MS_ASYNC is EINVAL");
	errno = 0;
	check(msync(s + 1, PAGE, MS_SYNC) == -1 && errno == EINVAL,
	      "msync: an unaligned address is EINVAL");
	errno = 0;
	check(msync(s, PAGE, 8) == -1 && errno == EINVAL,
	      "msync: an unknown flag is EINVAL");
	munmap(s, PAGE);
	errno = 0;
	check(msync(s, PAGE, MS_SYNC) == -1 && errno == ENOMEM,
	      "msync of unmapped memory: ENOMEM");
	close(dir);
	close(ro);
	close(fd);
}

/* struct maps_entry — the fields of a /proc/PID/maps line. */
struct maps_entry {
	unsigned long lo, hi, off, ino;
	char perms[8], name[80];
};

/* word — the next space-separated word of *p into out (size n). */
static void word(char **p, char *out, size_t n)
{
	size_t len;

	*p += strspn(*p, " ");
	len = strcspn(*p, " \n");
	snprintf(out, n, "%.*s", (int)len, *p);
	*p += len;
}

/* maps_find — the /proc/self/maps line of the area at addr, parsed. */
static int maps_find(void *addr, struct maps_entry *e)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[256], dev[16], *p;
	int found = 0;

	while (f && !found && fgets(line, sizeof(line), f)) {
		e->lo = strtoul(line, &p, 16);
		if (e->lo != (unsigned long)addr || *p != '-')
			continue;
		e->hi = strtoul(p + 1, &p, 16);
		word(&p, e->perms, sizeof(e->perms));
		e->off = strtoul(p, &p, 16);
		word(&p, dev, sizeof(dev));
		e->ino = strtoul(p, &p, 10);
		word(&p, e->name, sizeof(e->name));
		found = 1;
	}
	if (f)
		fclose(f);
	return found;
}

static void test_maps(void)
{
	int fd = make_file(3 * PAGE);
	char *s = fd < 0 ? MAP_FAILED :
		  mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 2 * PAGE);
	struct maps_entry e;
	struct stat st;

	if (s == MAP_FAILED || fstat(fd, &st)) {
		broken("a mapping at offset two pages");
		return;
	}
	check(maps_find(s, &e) && e.name[0],
	      "/proc/self/maps has a line for the mapping, with a name");
	check(!strcmp(e.perms, "r--s") && e.off == 2 * PAGE && e.hi - e.lo == PAGE,
	      "its permissions (r--s) and its file offset");
	check(e.ino == st.st_ino && !strcmp(e.name, path),
	      "its inode is the file's, and its name the file's path");
	munmap(s, PAGE);
	close(fd);
}

static void test_mremap(void)
{
	int fd = make_file(4 * PAGE);
	char *s = fd < 0 ? MAP_FAILED :
		  mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *t, *a;

	if (s == MAP_FAILED) {
		broken("a two-page mapping");
		return;
	}
	errno = 0;
	check(mremap(s + 1, PAGE, PAGE, 0) == MAP_FAILED && errno == EINVAL,
	      "mremap: an unaligned address is EINVAL");
	errno = 0;
	check(mremap(s, PAGE, 0, 0) == MAP_FAILED && errno == EINVAL,
	      "mremap: a new size of 0 is EINVAL");
	errno = 0;
	check(mremap(s, PAGE, PAGE, MREMAP_FIXED) == MAP_FAILED &&
	      errno == EINVAL, "mremap: MREMAP_FIXED without MAYMOVE is EINVAL");
	errno = 0;
	/* the range ends in the kernel's part of the address space, not
	 * past 4 GiB: no wrap-around hides it */
	check(mremap(s, 0xfffff000u - (unsigned long)s, PAGE, 0) == MAP_FAILED &&
	      errno == EINVAL, "mremap: shrinking a range past user space is EINVAL");
	t = mremap(s, 2 * PAGE, PAGE, 0);
	check(t == s && s[0] == 'a', "mremap shrinks in place");
	/* a neighbour that blocks growing in place */
	a = mmap(s + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0);
	errno = 0;
	check(a == s + PAGE && mremap(s, PAGE, 3 * PAGE, 0) == MAP_FAILED &&
	      errno == ENOMEM, "growing into a neighbour without MAYMOVE: ENOMEM");
	s[10] = 'm';
	t = mremap(s, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
	check(t != MAP_FAILED && t != s && t[10] == 'm' && t[PAGE] == 'b' &&
	      t[2 * PAGE] == 'c', "with MAYMOVE it moves, pages and file offset "
	      "kept");
	check(!strcmp(touch_gives(s, 0), "signal 11"),
	      "the old address is unmapped");
	munmap(a, PAGE);
	munmap(t, 3 * PAGE);
	a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	a[0] = 'x';
	munmap(a + PAGE, PAGE);
	t = mremap(a, PAGE, 2 * PAGE, 0);
	check(t == a && t[0] == 'x' && t[PAGE] == 0,
	      "anonymous memory grows in place into free space");
	munmap(t, 2 * PAGE);
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(path, sizeof(path), "/tmp/t_filemap_%d", getpid());
	test_read_write_mmap();
	test_two_processes();
	test_private_after_fork();
	test_truncate();
	test_rules();
	test_maps();
	test_mremap();
	unlink(path);
	return failures;
}
