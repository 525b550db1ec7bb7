/* libc/src/time/clock_gettime.c — clock_gettime(2) (32-bit time). */
#include <time.h>
#include "../internal.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return __SC(2, __NR_clock_gettime, clk, (long)ts);
}
