/* sched.h — scheduling and the clone flags (Linux uapi linux/sched.h). */
#ifndef _SCHED_H
#define _SCHED_H

#include <linux/sched.h>

int sched_yield(void);
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
