/* sys/resource.h — resource usage and limits. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>
#include <linux/resource.h>

typedef unsigned long rlim_t;

int getrusage(int who, struct rusage *ru);
int getrlimit(int resource, struct rlimit *r);
int setrlimit(int resource, const struct rlimit *r);
int prlimit64(pid_t pid, int resource, const struct rlimit64 *new,
	    struct rlimit64 *old);

#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2

int getpriority(int which, int who);
int setpriority(int which, int who, int prio);

#endif
