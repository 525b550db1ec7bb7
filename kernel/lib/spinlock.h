/* kernel/lib/spinlock.h — Linux include/linux/spinlock.h; ULK 5.2.3.
 * A lock word taken with xchg: a CPU that finds it held spins until the
 * holder clears it. Every lock here also disables interrupts on the CPU
 * that holds it, so an interrupt handler on that CPU never finds a lock
 * its own CPU holds (which would spin forever). What each lock protects,
 * and in which order they nest: docs/locking.md. While it spins, a CPU
 * still answers the TLB shootdowns other CPUs ask of it (smp_spin_poll):
 * the asker may hold the lock it waits for. */
#ifndef CLONIX_SPINLOCK_H
#define CLONIX_SPINLOCK_H

#include "../cpu/x86.h"

typedef struct {
	volatile u32 locked;
	int class;		/* lockdep.c: its place in the order, 0 unseen */
	const char *name;
} spinlock_t;

#define SPIN_LOCK_UNLOCKED	{ 0, 0, NULL }
#define DEFINE_SPINLOCK(x)	spinlock_t x = { 0, 0, #x }

void smp_spin_poll(void);
void lockdep_acquire(spinlock_t *l);
void lockdep_release(spinlock_t *l);
void lockdep_sleep_check(void);

static inline void spin_lock_init(spinlock_t *l, const char *name)
{
	l->locked = 0;
	l->class = 0;
	l->name = name;
}

static inline void arch_spin_lock(volatile u32 *word)
{
	while (xchg(word, 1))
		while (*word)
			smp_spin_poll();
}

static inline void arch_spin_unlock(volatile u32 *word)
{
	barrier();	/* x86 keeps stores in order: the plain store releases */
	*word = 0;
}

static inline u32 spin_lock_irqsave(spinlock_t *l)
{
	u32 flags = read_eflags();

	local_irq_disable();
	lockdep_acquire(l);
	arch_spin_lock(&l->locked);
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *l, u32 flags)
{
	lockdep_release(l);
	arch_spin_unlock(&l->locked);
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

#endif
