/* libc/src/unistd/sched_yield.c — sched_yield(2). */
#include <sched.h>
#include "../internal.h"

int sched_yield(void)
{
	return __SC(0, __NR_sched_yield);
}
