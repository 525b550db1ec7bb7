/* tests/guest/t_mount.c — mount(2) and umount2(2) of procfs and tmpfs,
 * compared with Linux (run as root on both): a new instance covers the
 * directory (an empty tmpfs, sticky and world-writable; its files go with
 * the umount),
 * ".." from its root leads to the mount point's parent, /proc/mounts
 * lists it, a busy mount (a working directory, an open file in it) is
 * EBUSY, and after umount the directory is plain again; Linux's errors
 * in Linux's order (EINVAL, ENODEV, ENOENT, ENOTDIR, EPERM).
 * try: /tests/t_mount */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char parent[300], dir[320], file[320];

static int listed_as(const char *type)
{
	char line[512], want[400];
	FILE *f = fopen("/proc/mounts", "r");
	int found = 0;

	if (!f)
		return -1;
	snprintf(want, sizeof(want), " %s %s ", dir, type);
	while (fgets(line, sizeof(line), f))
		found += strstr(line, want) != NULL;
	fclose(f);
	return found;
}

static int same_inode(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_ino == sb.st_ino &&
	       sa.st_dev == sb.st_dev;
}

static int as_user(void)
{
	int bad = 0;

	if (setuid(1000))
		return 64;
	errno = 0;
	bad |= !(mount("proc", dir, "proc", 0, NULL) == -1 && errno == EPERM);
	errno = 0;
	bad |= !(umount(dir) == -1 && errno == EPERM) << 1;
	return bad;
}

static void mounted(void)
{
	char path[400], cwd[300];
	int fd, st;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/self/stat", dir);
	check(access(path, R_OK) == 0, "the mount shows a process's files");
	snprintf(path, sizeof(path), "%s/..", dir);
	check(same_inode(path, parent), "\"..\" from its root is the mount point's parent");
	check(listed_as("proc") == 1, "/proc/mounts lists it once");
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "an unprivileged user may not mount or unmount (EPERM)");

	if (!getcwd(cwd, sizeof(cwd)) || chdir(dir))
		return broken("chdir");
	errno = 0;
	check(umount(dir) == -1 && errno == EBUSY, "a working directory in it: EBUSY");
	if (chdir(cwd))
		return broken("chdir back");
	snprintf(path, sizeof(path), "%s/self/status", dir);
	fd = open(path, O_RDONLY);
	errno = 0;
	check(fd >= 0 && umount(dir) == -1 && errno == EBUSY, "an open file in it: EBUSY");
	close(fd);
	errno = 0;
	check(umount2(dir, 0x100) == -1 && errno == EINVAL, "unknown umount2 flags: EINVAL");
	check(umount(dir) == 0, "unused: umount succeeds");
	snprintf(path, sizeof(path), "%s/self", dir);
	errno = 0;
	check(access(path, F_OK) == -1 && errno == ENOENT, "the directory is plain again");
	check(listed_as("proc") == 0, "/proc/mounts no longer lists it");
	errno = 0;
	check(umount(dir) == -1 && errno == EINVAL, "umount of a plain directory: EINVAL");
}

static void tmpfs(void)
{
	char a[400], sub[400], c[400];
	struct stat st;
	int fd;

	if (mount("tmpfs", dir, "tmpfs", 0, NULL)) {
		broken("mount tmpfs");
		return;
	}
	check(stat(dir, &st) == 0 && (st.st_mode & 07777) == 01777,
	      "tmpfs: a sticky, world-writable root");
	errno = 0;
	check(rmdir(dir) == -1 && errno == EBUSY, "rmdir of a mount point: EBUSY");
	snprintf(c, sizeof(c), "%s/moved", parent);
	errno = 0;
	check(rename(dir, c) == -1 && errno == EBUSY, "rename of a mount point: EBUSY");
	check(listed_as("tmpfs") == 1, "tmpfs: /proc/mounts lists it");
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(c, sizeof(c), "%s/sub/c", dir);
	fd = open(a, O_RDWR | O_CREAT, 0644);
	check(fd >= 0 && write(fd, "kept", 4) == 4 && mkdir(sub, 0755) == 0 &&
	      link(a, c) == 0, "tmpfs: a file, a directory, a second name");
	errno = 0;
	check(umount(dir) == -1 && errno == EBUSY, "tmpfs: an open file in it: EBUSY");
	close(fd);
	errno = 0;
	check(rename(a, file) == -1 && errno == EXDEV, "tmpfs: rename to the disk: EXDEV");
	check(umount(dir) == 0, "tmpfs: unused, umount succeeds (its files with it)");
	errno = 0;
	check(stat(c, &st) == -1 && errno == ENOENT && listed_as("tmpfs") == 0,
	      "tmpfs: the directory is plain again");
}

int main(void)
{
	char cwd[256];

	if (!getcwd(cwd, sizeof(cwd)))
		return 99;
	if (!strcmp(cwd, "/"))
		cwd[0] = '\0';
	else
		chmod(cwd, 0755);	/* a user may look the paths up: EPERM, not EACCES */
	snprintf(parent, sizeof(parent), "%s/t_mount.d", cwd);
	snprintf(dir, sizeof(dir), "%s/proc", parent);
	snprintf(file, sizeof(file), "%s/t_mount.file", cwd);
	mkdir(parent, 0755);
	mkdir(dir, 0755);
	close(open(file, O_CREAT | O_WRONLY, 0644));

	errno = 0;
	check(mount("x", dir, "nosuchfs", 0, NULL) == -1 && errno == ENODEV,
	      "an unknown file system type: ENODEV");
	errno = 0;
	check(mount("x", dir, NULL, 0, NULL) == -1 && errno == EINVAL,
	      "no type: EINVAL");
	errno = 0;
	check(mount("proc", "t_mount.none/x", "proc", 0, NULL) == -1 && errno == ENOENT,
	      "no such mount point: ENOENT");
	errno = 0;
	check(mount("proc", file, "proc", 0, NULL) == -1 && errno == ENOTDIR,
	      "a file as the mount point: ENOTDIR");
	errno = 0;
	check(mount("proc", dir, "proc", 0, (void *)8) == -1 && errno == EFAULT,
	      "options at a bad address: EFAULT");
	if (mount("proc", dir, "proc", MS_MGC_VAL | MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  NULL) == 0) {
		check(1, "mount procfs (the old magic in the flags is ignored)");
		mounted();
	} else {
		broken("mount procfs");
	}
	tmpfs();
	umount(dir);		/* in case a check above failed */
	rmdir(dir);
	rmdir(parent);
	unlink(file);
	printf("t_mount: %d failed\n", failures);
	return failures;
}
