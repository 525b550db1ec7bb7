/* libc/src/internal.h — what libc's own files share. */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H

#include "arch/i386/syscall_arch.h"
#include <asm/unistd_32.h>
#include <errno.h>

/* __syscall_ret — Linux's -4095..-1 becomes errno and -1. */
static inline long __syscall_ret(unsigned long r)
{
	if (r > -4096UL) {
		errno = -(long)r;
		return -1;
	}
	return (long)r;
}

#define __SC(n, ...)	__syscall_ret(__syscall##n(__VA_ARGS__))

/* Cancellation points (POSIX 2.9.5.2) go through __syscall_cp, which acts
 * on a pending pthread_cancel before and during the call. */
long __syscall_cp(long nr, long a, long b, long c, long d, long e);
#define __SC_CP(nr, a, b, c, d) \
	__syscall_ret(__syscall_cp(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0))

void __stdio_exit(void);

#endif
