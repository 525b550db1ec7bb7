/* libc/src/process/rlimit.c — getrlimit, setrlimit (the 32-bit calls:
 * RLIM_INFINITY is ~0UL) and prlimit64 (64-bit limits, glibc's name and type). */
#include <sys/resource.h>
#include "../internal.h"

int getrlimit(int resource, struct rlimit *r)
{
	return __SC(2, __NR_ugetrlimit, resource, (long)r);
}

int setrlimit(int resource, const struct rlimit *r)
{
	return __SC(2, __NR_setrlimit, resource, (long)r);
}

int prlimit64(pid_t pid, int resource, const struct rlimit64 *new,
	    struct rlimit64 *old)
{
	return __SC(4, __NR_prlimit64, pid, resource, (long)new, (long)old);
}
