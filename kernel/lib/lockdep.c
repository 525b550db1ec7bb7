/* kernel/lib/lockdep.c — lock-order checking (stub: no checks). */
#include "spinlock.h"
void lockdep_acquire(spinlock_t *l) { (void)l; }
void lockdep_release(spinlock_t *l) { (void)l; }
