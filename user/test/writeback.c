/* user/test/writeback.c — files that must survive a machine switched off
 * without warning (tests/host/test_writeback.py kills QEMU after the
 * line this prints):
 *	writeback files DIR	write files of known contents (small, one
 *				with indirect blocks, a directory of them),
 *				then wait until /dev/kstat's dirty_buffers
 *				is 0: the flusher wrote them all back
 *	writeback fsync DIR	DIR/synced and DIR/unsynced exist and are
 *				on the disk; write both, fsync only the first
 * The contents are "file NAME byte I" patterns the host can recompute.
 * try: writeback files /tmp/wb */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kstat.h"

/* write_pattern — size bytes: byte i is 'a' + (i * 7 + strlen(path)) % 26 */
static int write_pattern(const char *path, size_t size)
{
	static char buf[4096];
	size_t len = strlen(path), done = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	while (done < size) {
		size_t n = size - done < sizeof(buf) ? size - done : sizeof(buf);

		for (size_t i = 0; i < n; i++)
			buf[i] = 'a' + ((done + i) * 7 + len) % 26;
		if (write(fd, buf, n) != (ssize_t)n)
			return -1;
		done += n;
	}
	return close(fd);
}

/* wait_clean — until no buffer is dirty; the seconds it took, or -1. */
static int wait_clean(int limit)
{
	char k[KSTAT_MAX];

	for (int tenths = 0; tenths < limit * 10; tenths++) {
		kstat_read(k);
		if (kstat_value(k, "dirty_buffers") == 0)
			return tenths / 10;
		usleep(100000);
	}
	return -1;
}

static int files(const char *dir)
{
	static const size_t sizes[] = { 1, 1000, 4096, 20000, 300000 };
	char path[128];
	int err = mkdir(dir, 0755);

	for (unsigned i = 0; !err && i < sizeof(sizes) / sizeof(*sizes); i++) {
		snprintf(path, sizeof(path), "%s/f%u", dir, i);
		err = write_pattern(path, sizes[i]);
	}
	snprintf(path, sizeof(path), "%s/sub", dir);
	err = err ?: mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sub/g", dir);
	err = err ?: write_pattern(path, 5000);
	if (err) {
		perror("writeback files");
		return 1;
	}
	printf("writeback: files written\n");
	fflush(stdout);
	if (wait_clean(30) < 0) {
		printf("writeback: FAIL: still dirty after 30 s\n");
		return 1;
	}
	printf("writeback: clean\n");
	return 0;
}

/* fsync_one — both files exist on the disk; then both are rewritten and
 * only "synced" is fsync'ed: that file, and only it, is on the disk. */
static int fsync_one(const char *dir)
{
	char synced[128], unsynced[128];
	int fd;

	snprintf(synced, sizeof(synced), "%s/synced", dir);
	snprintf(unsynced, sizeof(unsynced), "%s/unsynced", dir);
	mkdir(dir, 0755);
	close(open(synced, O_WRONLY | O_CREAT | O_TRUNC, 0644));
	close(open(unsynced, O_WRONLY | O_CREAT | O_TRUNC, 0644));
	sync();
	if (write_pattern(unsynced, 3000) || write_pattern(synced, 30000))
		return 1;
	fd = open(synced, O_RDONLY);
	if (fd < 0 || fsync(fd)) {
		perror("writeback fsync");
		return 1;
	}
	close(fd);
	printf("writeback: synced\n");
	return 0;
}

int main(int argc, char **argv)
{
	int r;

	if (argc != 3) {
		fprintf(stderr, "usage: writeback files|fsync DIR\n");
		return 2;
	}
	r = !strcmp(argv[1], "files") ? files(argv[2]) :
	    !strcmp(argv[1], "fsync") ? fsync_one(argv[2]) : 2;
	fflush(stdout);
	if (r == 0)
		pause();	/* the host switches the machine off */
	return r;
}
