/* libc/src/misc/alarm.c — alarm(2), setitimer(2), getitimer(2). */
#include <sys/time.h>
#include <unistd.h>
#include "../internal.h"

unsigned int alarm(unsigned int seconds)
{
	return __syscall1(__NR_alarm, seconds);
}

int setitimer(int which, const struct itimerval *v, struct itimerval *old)
{
	return __SC(3, __NR_setitimer, which, (long)v, (long)old);
}

int getitimer(int which, struct itimerval *v)
{
	return __SC(2, __NR_getitimer, which, (long)v);
}
