/* linux/mount.h — mount(2)'s and umount2(2)'s flags, as the kernel
 * defines them (shared by kernel/fs/namespace.c and <sys/mount.h>). */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_REMOUNT	32
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#define MS_MGC_VAL	0xC0ED0000	/* old magic in the top 16 bits */
#define MS_MGC_MSK	0xffff0000

#define MNT_FORCE	1
#define MNT_DETACH	2
#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW	8

#endif
