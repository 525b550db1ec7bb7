/* libc/src/unistd/setuid.c — the set*id and getres*id calls, through the
 * 32-bit system calls (as glibc on i386). Unlike glibc, a call changes
 * only the calling thread's ids: clonix's pthreads does not broadcast. */
#include <unistd.h>
#include "../internal.h"

int setuid(uid_t uid) { return __SC(1, __NR_setuid32, uid); }
int setgid(gid_t gid) { return __SC(1, __NR_setgid32, gid); }
int seteuid(uid_t euid) { return __SC(3, __NR_setresuid32, -1, euid, -1); }
int setegid(gid_t egid) { return __SC(3, __NR_setresgid32, -1, egid, -1); }

int setreuid(uid_t r, uid_t e)
{
	return __SC(2, __NR_setreuid32, r, e);
}

int setregid(gid_t r, gid_t e)
{
	return __SC(2, __NR_setregid32, r, e);
}

int setresuid(uid_t r, uid_t e, uid_t s)
{
	return __SC(3, __NR_setresuid32, r, e, s);
}

int setresgid(gid_t r, gid_t e, gid_t s)
{
	return __SC(3, __NR_setresgid32, r, e, s);
}

int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
	return __SC(3, __NR_getresuid32, (long)r, (long)e, (long)s);
}

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
	return __SC(3, __NR_getresgid32, (long)r, (long)e, (long)s);
}
