/* sys/syscall.h — system call numbers for syscall(2): __NR_<name> from
 * <asm/unistd.h> and glibc's SYS_<name> spelling of the same. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd_32.h>
#include <bits/syscall.h>

#endif
