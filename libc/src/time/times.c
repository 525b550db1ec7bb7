/* libc/src/time/times.c — times(2). */
#include <sys/times.h>
#include "../internal.h"

clock_t times(struct tms *t)
{
	return __SC(1, __NR_times, (long)t);
}
