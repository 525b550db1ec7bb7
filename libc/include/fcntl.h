/* fcntl.h — open(2) and friends. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <asm/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
