/* libc/src/stat/stat.c — stat, fstat, lstat, fstatat on the 64-bit calls. */
#include <fcntl.h>
#include <sys/stat.h>
#include "../internal.h"

int stat(const char *path, struct stat *st)
{
	return __SC(2, __NR_stat64, (long)path, (long)st);
}

int fstat(int fd, struct stat *st)
{
	return __SC(2, __NR_fstat64, fd, (long)st);
}

int lstat(const char *path, struct stat *st)
{
	return __SC(2, __NR_lstat64, (long)path, (long)st);
}

int fstatat(int dfd, const char *path, struct stat *st, int flags)
{
	return __SC(4, __NR_fstatat64, dfd, (long)path, (long)st, flags);
}
