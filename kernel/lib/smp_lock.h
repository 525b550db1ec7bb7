/* kernel/lib/smp_lock.h — the big kernel lock. Linux 2.0-2.6's
 * lock_kernel/unlock_kernel (include/linux/smp_lock.h); ULK 5.4.8.
 * One CPU at a time runs kernel code: docs/locking.md says why. */
#ifndef CLONIX_SMP_LOCK_H
#define CLONIX_SMP_LOCK_H

#include "kernel.h"

void lock_kernel(void);
void unlock_kernel(void);
bool kernel_locked(void);
void yield_kernel(void);

#endif
