/* kernel/mm/uaccess.h — every access to user memory (STYLE 8). */
#ifndef CLONIX_UACCESS_H
#define CLONIX_UACCESS_H

#include "mm.h"
#include "../cpu/ptrace.h"

/* access_ok — does [addr, addr+n) lie wholly in user space? */
static inline bool access_ok(const void *addr, unsigned long n)
{
	return n <= TASK_SIZE && (unsigned long)addr <= TASK_SIZE - n;
}

unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n);
unsigned long copy_to_user(void *udst, const void *src, unsigned long n);
unsigned long clear_user(void *udst, unsigned long n);
long strncpy_from_user(char *dst, const char *usrc, long n);
int get_user_u32(u32 *val, const u32 *uaddr);
int put_user_u32(u32 val, u32 *uaddr);
bool fixup_exception(struct pt_regs *regs);

#endif
