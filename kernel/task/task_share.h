/* kernel/task/task_share.h — what task_share(2) and /proc/PID/sharing
 * report about a task (task_share.c). */
#ifndef CLONIX_TASK_SHARE_H
#define CLONIX_TASK_SHARE_H

#include <clonix/task_share.h>

struct task_struct;

void task_share_fill(struct task_struct *t, struct task_share *s);

#endif
