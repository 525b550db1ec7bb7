/* libc/src/mman/shm.c — POSIX shared memory objects: shm_open(3) and
 * shm_unlink(3), files of the tmpfs mounted on /dev/shm, as in glibc. A
 * name is "/name": one leading slash (or none), no other. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SHM_DIR		"/dev/shm/"
#define NAME_MAX	255

/* shm_path — SHM_DIR + the name, or -1 (EINVAL, ENAMETOOLONG). */
static int shm_path(const char *name, char *path)
{
	size_t len;

	while (*name == '/')
		name++;
	len = strlen(name);
	if (!len || strchr(name, '/') || !strcmp(name, ".") ||
	    !strcmp(name, "..")) {
		errno = EINVAL;
		return -1;
	}
	if (len > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, SHM_DIR, sizeof(SHM_DIR) - 1);
	memcpy(path + sizeof(SHM_DIR) - 1, name, len + 1);
	return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[sizeof(SHM_DIR) + NAME_MAX + 1];

	if (shm_path(name, path))
		return -1;
	return open(path, oflag | O_NOFOLLOW | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
	char path[sizeof(SHM_DIR) + NAME_MAX + 1];

	return shm_path(name, path) ? -1 : unlink(path);
}
