/* errno.h — errno and the Linux error numbers. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <asm/errno.h>

extern int errno;

#endif
