/* kernel/fs/utimes.c — setting a file's access and modification times:
 * utimensat (and its time64 form), utimes, futimesat, utime; Linux
 * fs/utimes.c. Each time is a value, UTIME_NOW or UTIME_OMIT; the change
 * time becomes now. Setting both to now (no times at all, or UTIME_NOW
 * twice) needs only write permission; any other value needs the owner or
 * root (EPERM), as it could forge a file's history. ext2 keeps seconds:
 * nanoseconds are checked, then dropped. */
#include "fdtable.h"
#include "../mm/uaccess.h"
#include "../task/cred.h"
#include "../task/sched.h"
#include "../task/time.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

static bool nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW ||
	       (nsec >= 0 && nsec < NSEC_PER_SEC);
}

/* utimes_inode — times[0] atime, times[1] mtime; NULL: both now. */
static long utimes_inode(struct inode *inode, const struct timespec64 *times)
{
	u32 now = current_time();

	if (times && times[0].tv_nsec == UTIME_OMIT &&
	    times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (times && !owner_or_capable(inode))
		return -EPERM;
	if (!times && !owner_or_capable(inode) && may_access(inode, 2))
		return -EACCES;
	if (!times || times[0].tv_nsec != UTIME_OMIT)
		inode->i_atime = !times || times[0].tv_nsec == UTIME_NOW ?
				 now : (u32)times[0].tv_sec;
	if (!times || times[1].tv_nsec != UTIME_OMIT)
		inode->i_mtime = !times || times[1].tv_nsec == UTIME_NOW ?
				 now : (u32)times[1].tv_sec;
	inode->i_ctime = now;
	mark_inode_dirty(inode);
	return 0;
}

/* do_utimes — Linux's order: the times, the flags, then the file (a NULL
 * path: dfd's own file, as futimens passes it). */
static long do_utimes(int dfd, const char *upath, struct timespec64 *times,
		      int flags)
{
	struct inode *inode;
	struct file *f;
	long err;

	if (times && (!nsec_valid(times[0].tv_nsec) ||
		      !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (times && times[0].tv_nsec == UTIME_NOW &&
	    times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!upath) {
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		if (!(f = fget(dfd)))
			return -EBADF;
		err = utimes_inode(f->f_inode, times);
		fput(f);
		return err;
	}
	err = user_path_at(dfd, upath, flags, &inode);
	if (err)
		return err;
	err = utimes_inode(inode, times);
	iput(inode);
	return err;
}

static long utimensat(int dfd, const char *upath, const void *utimes,
		      int flags, bool time64)
{
	struct timespec64 t[2];
	u32 size = time64 ? 16 : 8;

	if (utimes && (get_timespec64(&t[0], utimes, time64) ||
		       get_timespec64(&t[1], (const char *)utimes + size,
				      time64)))
		return -EFAULT;
	return do_utimes(dfd, upath, utimes ? t : NULL, flags);
}

long sys_utimensat(int dfd, const char *upath, const void *utimes, int flags)
{
	return utimensat(dfd, upath, utimes, flags, false);
}

long sys_utimensat_time64(int dfd, const char *upath, const void *utimes,
			  int flags)
{
	return utimensat(dfd, upath, utimes, flags, true);
}

/* sys_futimesat — struct timeval pairs; microseconds past a second are
 * EINVAL (Linux). */
long sys_futimesat(int dfd, const char *upath, const s32 *utv)
{
	struct timespec64 t[2];
	s32 tv[4];

	if (!utv)
		return do_utimes(dfd, upath, NULL, 0);
	if (copy_from_user(tv, utv, sizeof(tv)))
		return -EFAULT;
	if (tv[1] < 0 || tv[1] >= USEC_PER_SEC || tv[3] < 0 ||
	    tv[3] >= USEC_PER_SEC)
		return -EINVAL;
	t[0] = (struct timespec64){ tv[0], tv[1] * NSEC_PER_USEC };
	t[1] = (struct timespec64){ tv[2], tv[3] * NSEC_PER_USEC };
	return do_utimes(dfd, upath, t, 0);
}

long sys_utimes(const char *upath, const s32 *utv)
{
	return sys_futimesat(AT_FDCWD, upath, utv);
}

/* sys_utime — struct utimbuf { actime, modtime }, whole seconds. */
long sys_utime(const char *upath, const s32 *ubuf)
{
	struct timespec64 t[2];
	s32 b[2];

	if (!ubuf)
		return do_utimes(AT_FDCWD, upath, NULL, 0);
	if (copy_from_user(b, ubuf, sizeof(b)))
		return -EFAULT;
	t[0] = (struct timespec64){ b[0], 0 };
	t[1] = (struct timespec64){ b[1], 0 };
	return do_utimes(AT_FDCWD, upath, t, 0);
}
