/* libc/src/unistd/sysinfo.c — sysinfo(2). */
#include <sys/sysinfo.h>
#include "../internal.h"

int sysinfo(struct sysinfo *info)
{
	return __SC(1, __NR_sysinfo, (long)info);
}
