/* libc/src/time/nanosleep.c — nanosleep(2). */
#include <time.h>
#include "../internal.h"

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __SC_CP(__NR_nanosleep, req, rem, 0, 0);
}
