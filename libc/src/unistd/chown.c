/* libc/src/unistd/chown.c — chown(2), fchown(2), lchown(2): the 32-bit id
 * calls (chown32 ...), as glibc uses on i386. */
#include <unistd.h>
#include "../internal.h"

int chown(const char *path, uid_t uid, gid_t gid)
{
	return __SC(3, __NR_chown32, (long)path, uid, gid);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return __SC(3, __NR_fchown32, fd, uid, gid);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return __SC(3, __NR_lchown32, (long)path, uid, gid);
}
