/* sys/resource.h — resource usage. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <linux/resource.h>

int getrusage(int who, struct rusage *ru);

#endif
