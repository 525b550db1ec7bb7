/* kernel/lib/jiffies.c — the tick count; Linux kernel/time/jiffies.c and
 * do_timer(). */
#include "jiffies.h"
#include "../cpu/x86.h"

static volatile u64 jiffies_64;

/* get_jiffies_64 — a 64-bit counter cannot be read atomically on i386;
 * keeping the tick out while reading it is enough on one CPU. */
u64 get_jiffies_64(void)
{
	u32 flags = read_eflags();
	u64 j;

	local_irq_disable();
	j = jiffies_64;
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
	return j;
}

/* do_timer — one tick has passed (the timer interrupt, interrupts off). */
void do_timer(void)
{
	jiffies_64++;
}
