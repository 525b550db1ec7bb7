/* libc/src/process/waitid.c — waitid(2) (the raw call's fifth argument,
 * the rusage, is NULL here as in glibc). */
#include <sys/wait.h>
#include "../internal.h"

int waitid(idtype_t type, id_t id, siginfo_t *info, int options)
{
	return __SC_CP(__NR_waitid, type, id, info, options);
}
