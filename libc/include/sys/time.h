/* sys/time.h — gettimeofday(2). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <linux/time.h>

int gettimeofday(struct timeval *tv, void *tz);

#endif
