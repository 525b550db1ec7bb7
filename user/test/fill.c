/* user/test/fill.c — fill -k KEEP_KIB FILE: write zeros to FILE until the
 * file system holding it has at most KEEP_KIB KiB free (statfs's f_bfree:
 * root may use every block), then stop. A test that needs a nearly full
 * disk (tests/scripts/acct_full.sh) starts from the same free space
 * whatever the image's size, so its timing does not grow with it.
 * try: fill -k 4096 /filler; rm /filler */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct statfs32 {			/* statfs(2) on i386 */
	long f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags, f_spare[4];
};

static long free_kib(const char *path)
{
	struct statfs32 st;

	if (syscall(SYS_statfs, path, &st))
		return -1;
	return (long)((long long)st.f_bfree * st.f_bsize / 1024);
}

int main(int argc, char **argv)
{
	static char zeros[64 * 1024];
	long keep = argc == 4 && !strcmp(argv[1], "-k") ? atol(argv[2]) : -1, left;
	const char *path = argv[argc - 1];
	int fd;

	if (keep < 0) {
		fprintf(stderr, "usage: fill -k KEEP_KIB FILE\n");
		return 2;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	while ((left = free_kib(path)) > keep) {
		long kib = left - keep < 64 ? left - keep : 64;

		if (write(fd, zeros, kib * 1024) != kib * 1024)
			break;
	}
	fsync(fd);
	close(fd);
	return 0;
}
