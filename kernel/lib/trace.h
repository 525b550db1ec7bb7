/* kernel/lib/trace.h — named channels that narrate the kernel's decisions
 * on the console (STYLE 18): on for everyone from boot (trace= on the
 * command line), or for one task and what it forks (/proc/PID/trace,
 * which the trace command writes). Always compiled in; a channel that is
 * off costs a test of the boot mask and of the running task's own. */
#ifndef CLONIX_TRACE_H
#define CLONIX_TRACE_H

#include "kernel.h"
#include "printk.h"

/* One bit per channel; names in kernel/lib/cmdline.c trace_channels[]. */
enum trace_channel {
	TRACE_boot = 1 << 0,	/* each init step and the tick it ended on */
	TRACE_mm = 1 << 1,	/* frame allocator failures, heap decisions */
	TRACE_cow = 1 << 2,	/* each copy-on-write fault: reuse or copy */
	TRACE_syscall = 1 << 3,	/* unimplemented system calls, once each */
	TRACE_fault = 1 << 4,	/* user page faults that end in a signal */
	TRACE_clone = 1 << 5,	/* what copy_process shares and copies */
	TRACE_exit = 1 << 6,	/* each exit and who is woken */
	TRACE_wait = 1 << 7,	/* what do_wait reaps */
	TRACE_acct = 1 << 8,	/* each accounting record written */
	TRACE_sync = 1 << 9,	/* each writeback by the flusher thread */
	TRACE_cache = 1 << 10,	/* page cache: pages read, reclaimed; file faults */
	TRACE_tlb = 1 << 11,	/* each TLB shootdown: who, which CPUs, what range */
};

extern u32 trace_mask;
u32 trace_current(void);

/* on for everyone, or for the task running on this CPU (each CPU runs
 * its own task: one shared "active" mask would mix them) */
#define trace_on(chan)	unlikely((trace_mask | trace_current()) & TRACE_##chan)

long trace_parse(const char *list);
int trace_names(u32 mask, char *buf, int size);

#define trace(chan, fmt, ...)						\
	do {								\
		if (trace_on(chan))					\
			printk("[" #chan "] " fmt "\n", ##__VA_ARGS__);	\
	} while (0)

#endif
