/* libc/src/misc/mount.c — mount(2), umount(2), umount2(2). */
#include <sys/mount.h>
#include "../internal.h"

int mount(const char *source, const char *target, const char *type,
	  unsigned long flags, const void *data)
{
	return __SC(5, __NR_mount, (long)source, (long)target, (long)type,
		    flags, (long)data);
}

int umount(const char *target)
{
	return __SC(2, __NR_umount2, (long)target, 0);
}

int umount2(const char *target, int flags)
{
	return __SC(2, __NR_umount2, (long)target, flags);
}
