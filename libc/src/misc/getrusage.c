/* libc/src/misc/getrusage.c — getrusage(2). */
#include <sys/resource.h>
#include "../internal.h"

int getrusage(int who, struct rusage *ru)
{
	return __SC(2, __NR_getrusage, who, (long)ru);
}
