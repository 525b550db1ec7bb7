/* asm/fcntl.h — open flags and fcntl commands (Linux asm-generic/fcntl.h,
 * the values i386 uses). */
#ifndef _ASM_FCNTL_H
#define _ASM_FCNTL_H

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1

/* record locks (fcntl) and whole-file locks (flock) */
#define F_GETLK		5	/* struct flock: 32-bit offsets */
#define F_SETLK		6
#define F_SETLKW	7
#define F_GETLK64	12	/* struct flock64 (fcntl64 only) */
#define F_SETLK64	13
#define F_SETLKW64	14
#define F_OFD_GETLK	36	/* owned by the open file, not the process */
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38
#define F_RDLCK		0
#define F_WRLCK		1
#define F_UNLCK		2
#define F_GETPIPE_SZ	1032
#define F_SETPIPE_SZ	1031

struct flock {
	short l_type;
	short l_whence;
	long l_start;
	long l_len;
	int l_pid;
};

struct flock64 {
	short l_type;
	short l_whence;
	long long l_start;
	long long l_len;
	int l_pid;
};

#define LOCK_SH		1
#define LOCK_EX		2
#define LOCK_NB		4
#define LOCK_UN		8

#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_EACCESS		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000

#endif
