/* kernel/cpu/tls.c — set_thread_area and get_thread_area; Linux
 * arch/x86/kernel/tls.c and include/asm/desc.h (fill_ldt); spec §8.
 * Each task has three descriptors that the scheduler copies into GDT
 * entries 6, 7 and 8 (selectors 0x33, 0x3b, 0x43) at every switch, so
 * "%gs:0"-style thread-local storage sees the running thread's own block. */
#include "tls.h"
#include "segment.h"
#include "smp.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

/* struct user_desc — i386 (asm/ldt.h): entry, base, limit, then the
 * bit-fields seg_32bit:1 contents:2 read_exec_only:1 limit_in_pages:1
 * seg_not_present:1 useable:1. */
struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 flags;
};

#define UD_SEG_32BIT		0x01
#define UD_CONTENTS(f)		(((f) >> 1) & 3)
#define UD_READ_EXEC_ONLY	0x08
#define UD_LIMIT_IN_PAGES	0x10
#define UD_SEG_NOT_PRESENT	0x20
#define UD_USEABLE		0x40
#define UD_EMPTY		(UD_READ_EXEC_ONLY | UD_SEG_NOT_PRESENT)


/* desc_empty — "clear the slot": LDT_empty or (since 3.19) all zero. */
static bool desc_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit &&
	       ((u->flags & 0x7F) == UD_EMPTY || !(u->flags & 0x7F));
}

/* desc_okay — a present, 32-bit data segment (tls_desc_okay). */
static bool desc_okay(const struct user_desc *u)
{
	return desc_empty(u) || ((u->flags & UD_SEG_32BIT) &&
				 !(u->flags & UD_SEG_NOT_PRESENT) &&
				 UD_CONTENTS(u->flags) < 2);
}

/* fill_desc — the 8-byte descriptor (fill_ldt): DPL 3, data, accessed,
 * writable unless read_exec_only, expand-down for contents 1. */
static u64 fill_desc(const struct user_desc *u)
{
	u32 f = u->flags, access = 0x91 | 0x60;	/* P, S, accessed, DPL 3 */
	u64 d;

	if (desc_empty(u))
		return 0;
	access |= (f & UD_READ_EXEC_ONLY) ? 0 : 0x02;
	access |= UD_CONTENTS(f) << 2;
	d = (u->limit & 0xFFFF) | ((u64)(u->base_addr & 0xFFFFFF) << 16);
	d |= (u64)access << 40;
	d |= (u64)((u->limit >> 16) & 0xF) << 48;
	d |= (u64)((f & UD_USEABLE) ? 1 : 0) << 52;	/* AVL */
	d |= (u64)((f & UD_SEG_32BIT) ? 1 : 0) << 54;	/* D/B */
	d |= (u64)((f & UD_LIMIT_IN_PAGES) ? 1 : 0) << 55;	/* G */
	d |= (u64)(u->base_addr >> 24) << 56;
	return d;
}

/* fill_user_desc — the reverse, for get_thread_area (empty: 0x28). */
static void fill_user_desc(struct user_desc *u, u32 idx, u64 d)
{
	u32 access = (d >> 40) & 0xFF;

	u->entry_number = idx;
	u->base_addr = ((d >> 16) & 0xFFFFFF) | ((d >> 56) << 24);
	u->limit = (d & 0xFFFF) | (((d >> 48) & 0xF) << 16);
	u->flags = ((d >> 54) & 1) | (((access >> 2) & 3) << 1) |
		   (access & 0x02 ? 0 : UD_READ_EXEC_ONLY) |
		   (((d >> 55) & 1) ? UD_LIMIT_IN_PAGES : 0) |
		   (access & 0x80 ? 0 : UD_SEG_NOT_PRESENT) |
		   (((d >> 52) & 1) ? UD_USEABLE : 0);
}

void load_TLS(struct task_struct *t)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		this_cpu()->gdt[GDT_ENTRY_TLS_MIN + i] = t->tls_array[i];
}

void clear_TLS(struct task_struct *t)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		t->tls_array[i] = 0;
	load_TLS(t);
}

static int free_slot(struct task_struct *p)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		if (!p->tls_array[i])
			return GDT_ENTRY_TLS_MIN + i;
	return -ESRCH;
}

/* do_set_thread_area — spec §8.3's order; CLONE_SETTLS comes here with
 * can_allocate false (entry -1 is then EINVAL, §8.5.2). */
int do_set_thread_area(struct task_struct *p, const void *u_info,
		       bool can_allocate)
{
	struct user_desc u;
	int idx;

	if (copy_from_user(&u, u_info, sizeof(u)))
		return -EFAULT;
	if (!desc_okay(&u))
		return -EINVAL;
	idx = u.entry_number;
	if (idx == -1 && can_allocate) {
		idx = free_slot(p);
		if (idx < 0)
			return idx;
		if (put_user_u32(idx, (u32 *)u_info))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN ||
	    idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return -EINVAL;
	p->tls_array[idx - GDT_ENTRY_TLS_MIN] = fill_desc(&u);
	if (p == current)
		load_TLS(p);
	return 0;
}

long sys_set_thread_area(const void *u_info)
{
	return do_set_thread_area(current, u_info, true);
}

long sys_get_thread_area(void *u_info)
{
	struct user_desc u;
	u32 idx;

	if (get_user_u32(&idx, u_info))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN ||
	    idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return -EINVAL;
	fill_user_desc(&u, idx, current->tls_array[idx - GDT_ENTRY_TLS_MIN]);
	return copy_to_user(u_info, &u, sizeof(u)) ? -EFAULT : 0;
}
