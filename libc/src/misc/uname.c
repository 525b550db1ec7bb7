/* libc/src/misc/uname.c — uname(2). */
#include <sys/utsname.h>
#include "../internal.h"

int uname(struct utsname *u)
{
	return __SC(1, __NR_uname, (long)u);
}
