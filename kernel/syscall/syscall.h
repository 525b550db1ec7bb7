/* kernel/syscall/syscall.h — system call dispatch. */
#ifndef CLONIX_SYSCALL_H
#define CLONIX_SYSCALL_H

#include "../cpu/ptrace.h"

typedef long (*syscall_fn_t)(long, long, long, long, long, long);

extern const unsigned int NR_syscalls;
extern const syscall_fn_t sys_call_table[];
extern const char *const syscall_names[];

long sys_ni_syscall(long, long, long, long, long, long);
void ni_syscall_log(unsigned int nr);
void do_syscall(struct pt_regs *regs);

#endif
