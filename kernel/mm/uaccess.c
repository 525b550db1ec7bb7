/* kernel/mm/uaccess.c — copy_from_user and friends; Linux
 * arch/x86/lib/usercopy_32.c, arch/x86/mm/extable.c; ULK 10.4.
 * The range is checked first (access_ok: nothing at or above TASK_SIZE),
 * then the copy runs on the *user* address in the current address space
 * with CR0.WP set, so that a kernel write to a COW page takes the
 * do_wp_page path like a user write would. A fault that cannot be
 * resolved ends the copy early through the exception table. */
#include "uaccess.h"
#include <asm/errno.h>

struct exception_table_entry {
	u32 insn, fixup;
};

extern const struct exception_table_entry __ex_table_start[];
extern const struct exception_table_entry __ex_table_end[];
unsigned long __copy_user(void *dst, const void *src, unsigned long n);
unsigned long __clear_user(void *dst, unsigned long n);

/* fixup_exception — resume a faulting user copy at its fixup label. */
bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __ex_table_start;
	     e < __ex_table_end; e++)
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	return false;
}

/* copy_from_user — returns the number of bytes that could NOT be copied
 * (0 on success); the rest of dst is zeroed, as Linux does. */
unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(usrc, n))
		left = __copy_user(dst, usrc, n);
	if (left)
		__builtin_memset((char *)dst + n - left, 0, left);
	return left;
}

unsigned long copy_to_user(void *udst, const void *src, unsigned long n)
{
	if (!access_ok(udst, n))
		return n;
	return __copy_user(udst, src, n);
}

unsigned long clear_user(void *udst, unsigned long n)
{
	if (!access_ok(udst, n))
		return n;
	return __clear_user(udst, n);
}

/* strncpy_from_user — copy a NUL-terminated string of at most n bytes;
 * returns its length, n if no NUL came within n bytes, or -EFAULT. */
long strncpy_from_user(char *dst, const char *usrc, long n)
{
	for (long i = 0; i < n; i++) {
		if (copy_from_user(dst + i, usrc + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return n;
}

int get_user_u32(u32 *val, const u32 *uaddr)
{
	return copy_from_user(val, uaddr, sizeof(*val)) ? -EFAULT : 0;
}

int put_user_u32(u32 val, u32 *uaddr)
{
	return copy_to_user(uaddr, &val, sizeof(val)) ? -EFAULT : 0;
}
