/* sys/file.h — flock(2): whole-file advisory locks. */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <asm/fcntl.h>		/* LOCK_SH, LOCK_EX, LOCK_NB, LOCK_UN */

int flock(int fd, int op);

#endif
