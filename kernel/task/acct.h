/* kernel/task/acct.h — BSD process accounting (kernel/task/acct.c). */
#ifndef CLONIX_ACCT_H
#define CLONIX_ACCT_H

#include "../lib/kernel.h"

void acct_collect(long code, bool group_dead);
void acct_process(void);
u16 encode_comp_t(u64 value);
u32 encode_float(u64 value);

#endif
