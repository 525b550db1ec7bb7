/* kernel/lib/spinlock.h — Linux include/linux/spinlock.h, uniprocessor.
 * On one CPU a lock is "interrupts off"; the lock word is set while held
 * (nothing checks it yet), so that an SMP version can replace these
 * bodies without touching any caller (docs/design.md §4). */
#ifndef CLONIX_SPINLOCK_H
#define CLONIX_SPINLOCK_H

#include "../cpu/x86.h"

typedef struct {
	volatile u32 locked;
} spinlock_t;

#define SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = SPIN_LOCK_UNLOCKED

static inline u32 spin_lock_irqsave(spinlock_t *l)
{
	u32 flags = read_eflags();

	local_irq_disable();
	l->locked = 1;
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *l, u32 flags)
{
	l->locked = 0;
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

#endif
