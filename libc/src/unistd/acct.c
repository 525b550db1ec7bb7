/* libc/src/unistd/acct.c — acct(2). */
#include <sys/acct.h>
#include "../internal.h"

int acct(const char *path)
{
	return __SC(1, __NR_acct, (long)path);
}
