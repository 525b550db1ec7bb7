/* libc/src/unistd/chroot.c — chroot(2). */
#include <unistd.h>
#include "../internal.h"

int chroot(const char *path)
{
	return __SC(1, __NR_chroot, (long)path);
}
