/* errno.h — errno and the Linux error numbers. errno is per thread: it
 * lives in the thread's struct pthread, found through %gs (glibc's
 * __errno_location, the same name so that programs built for Linux link). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <asm/errno.h>

int *__errno_location(void) __attribute__((const));
#define errno (*__errno_location())

#endif
