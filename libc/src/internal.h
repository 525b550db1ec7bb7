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

void __stdio_exit(void);

#endif
