/* kernel/mm/uaccess.h — every access to user memory (STYLE 8). */
#ifndef CLONIX_UACCESS_H
#define CLONIX_UACCESS_H

#include "mm.h"
#include "../cpu/ptrace.h"
#include "../task/sched.h"

/* access_ok — does [addr, addr+n) lie wholly in user space, or in the
 * one kernel buffer this task has opened as if it were (kernel_window:
 * sendfile passes its bounce buffer to file operations written for user
 * buffers)? */
static inline bool access_ok(const void *addr, unsigned long n)
{
	unsigned long a = (unsigned long)addr;

	if (n <= TASK_SIZE && a <= TASK_SIZE - n)
		return true;
	return a >= current->kwindow_start && n <= current->kwindow_end - a &&
	       a < current->kwindow_end;
}

unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n);
unsigned long copy_to_user(void *udst, const void *src, unsigned long n);
unsigned long clear_user(void *udst, unsigned long n);
long strncpy_from_user(char *dst, const char *usrc, long n);
int get_user_u32(u32 *val, const u32 *uaddr);
int put_user_u32(u32 val, u32 *uaddr);
bool fixup_exception(struct pt_regs *regs);

#endif
