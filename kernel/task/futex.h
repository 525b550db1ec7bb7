/* kernel/task/futex.h — what the rest of the kernel asks of futexes. */
#ifndef CLONIX_FUTEX_H
#define CLONIX_FUTEX_H

#include "sched.h"

long futex_wake_shared(u32 *uaddr, int nr);
void exit_robust_list(struct task_struct *tsk);

#endif
