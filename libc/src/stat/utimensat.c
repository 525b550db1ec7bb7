/* libc/src/stat/utimensat.c — utimensat(2), futimens(3), utimes(2). */
#include <sys/stat.h>
#include <sys/time.h>
#include "../internal.h"

int utimensat(int dfd, const char *path, const struct timespec times[2],
	      int flags)
{
	return __SC(4, __NR_utimensat, dfd, (long)path, (long)times, flags);
}

int futimens(int fd, const struct timespec times[2])
{
	return utimensat(fd, 0, times, 0);
}

int utimes(const char *path, const struct timeval times[2])
{
	return __SC(2, __NR_utimes, (long)path, (long)times);
}
