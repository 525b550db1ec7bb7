/* libc/src/time/gettimeofday.c — gettimeofday(2). */
#include <sys/time.h>
#include "../internal.h"

int gettimeofday(struct timeval *tv, void *tz)
{
	return __SC(2, __NR_gettimeofday, (long)tv, (long)tz);
}
