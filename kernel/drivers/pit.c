/* kernel/drivers/pit.c — the 8253/8254 programmable interval timer;
 * Linux arch/x86/kernel/i8253.c + kernel/time/jiffies.c. Channel 0 in
 * mode 2 (rate generator) raises IRQ 0 HZ times a second; each tick
 * advances jiffies, the kernel's clock. */
#include "timer.h"
#include "pic.h"
#include "../cpu/x86.h"
#include "../cpu/trap.h"
#include "../lib/spinlock.h"

#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_FREQ	1193182		/* input clock, Hz */
#define PIT_LATCH	((PIT_FREQ + HZ / 2) / HZ)
#define PIT_CH0_MODE2	0x34		/* channel 0, lo/hi byte, mode 2 */

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

static void timer_interrupt(struct pt_regs *regs __unused)
{
	jiffies_64++;
}

void timer_init(void)
{
	outb(PIT_CMD, PIT_CH0_MODE2);
	outb(PIT_CH0, PIT_LATCH & 0xFF);
	outb(PIT_CH0, PIT_LATCH >> 8);
	request_irq(IRQ_TIMER, timer_interrupt);
}
