/* libc/src/misc/priority.c — getpriority(2), setpriority(2), nice(3),
 * getgroups(2). The kernel's getpriority answers 20 - nice (1 .. 40) so
 * that no answer looks like an error; libc turns it back. */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#include "../internal.h"

int getpriority(int which, int who)
{
	long r = __SC(2, __NR_getpriority, which, who);

	return r < 0 ? -1 : 20 - (int)r;
}

int setpriority(int which, int who, int prio)
{
	return __SC(3, __NR_setpriority, which, who, prio);
}

/* nice — add inc to the caller's nice value; the new value, which may
 * be -1 without an error (errno tells) */
int nice(int inc)
{
	int prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, 0);
	if (prio == -1 && errno)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, prio + inc) < 0)
		return -1;
	return getpriority(PRIO_PROCESS, 0);
}

int getgroups(int size, gid_t list[])
{
	return __SC(2, __NR_getgroups32, size, (long)list);
}
