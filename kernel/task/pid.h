/* kernel/task/pid.h — pid numbers and the pid hash. */
#ifndef CLONIX_PID_H
#define CLONIX_PID_H

#include "sched.h"

#define PID_MAX_DEFAULT	32768	/* /proc/sys/kernel/pid_max default */
#define RESERVED_PIDS	300	/* after a wrap, start here (Linux) */

void pid_init(void);
int alloc_pid(void);
int last_pid_given(void);
void free_pid(pid_t pid);
void attach_pid(struct task_struct *t);
void detach_pid(struct task_struct *t);
struct task_struct *find_task_by_vpid(pid_t pid);
int nr_pids_in_use(void);
void pid_set_last(pid_t pid);

#endif
