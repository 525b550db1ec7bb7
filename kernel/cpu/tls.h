/* kernel/cpu/tls.h — per-thread TLS descriptors in GDT entries 6-8. */
#ifndef CLONIX_TLS_H
#define CLONIX_TLS_H

#include "../lib/kernel.h"

struct task_struct;

int do_set_thread_area(struct task_struct *p, const void *u_info,
		       bool can_allocate);
void load_TLS(struct task_struct *t);
void clear_TLS(struct task_struct *t);

#endif
