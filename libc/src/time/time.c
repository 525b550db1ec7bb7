/* libc/src/time/time.c — time(2). */
#include <time.h>
#include "../internal.h"

time_t time(time_t *t)
{
	return __SC(1, __NR_time, (long)t);
}
