/* sys/types.h — POSIX types with Linux i386 sizes. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long ssize_t;
typedef long off_t;
typedef long long off64_t;
typedef long time_t;
typedef long clock_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef unsigned long long ino_t;
typedef unsigned long long dev_t;
typedef unsigned int nlink_t;
typedef long blksize_t;
typedef long long blkcnt_t;

#endif
