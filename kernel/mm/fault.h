/* kernel/mm/fault.h — the page-fault handler. */
#ifndef CLONIX_FAULT_H
#define CLONIX_FAULT_H

#include "../cpu/ptrace.h"

void do_page_fault(struct pt_regs *regs);

#endif
