/* libc/src/time/nanosleep.c — nanosleep(2). */
#include <time.h>
#include "../internal.h"

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __SC(2, __NR_nanosleep, (long)req, (long)rem);
}
