/* kernel/drivers/pit.c — the 8253/8254 programmable interval timer;
 * Linux arch/x86/kernel/i8253.c. Channel 0 in mode 2 (rate generator)
 * raises IRQ 0 HZ times a second; each tick advances jiffies, the
 * kernel's clock (lib/jiffies.c), and the count down to the next tick
 * gives uptime_us its microseconds. */
#include "timer.h"
#include "pic.h"
#include "../lib/jiffies.h"
#include "../cpu/x86.h"
#include "../cpu/trap.h"
#include "../lib/spinlock.h"
#include "../task/sched.h"

#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_FREQ	1193182		/* input clock, Hz */
#define PIT_LATCH	((PIT_FREQ + HZ / 2) / HZ)
#define PIT_CH0_MODE2	0x34		/* channel 0, lo/hi byte, mode 2 */
#define PIT_CH0_LATCH	0x00		/* latch channel 0's count */
#define PIC1_CMD	0x20
#define OCW3_READ_IRR	0x0A

/* pit_elapsed — PIT input cycles since the last tick, and whether a tick
 * is pending that the count already wrapped past (IRQ 0 raised in the
 * PIC's request register but not yet taken because interrupts are off). */
static u32 pit_elapsed(bool *pending)
{
	u32 count;

	outb(PIT_CMD, PIT_CH0_LATCH);
	count = inb(PIT_CH0);
	count |= inb(PIT_CH0) << 8;
	outb(PIC1_CMD, OCW3_READ_IRR);
	*pending = inb(PIC1_CMD) & 1;
	return PIT_LATCH - count;
}

/* uptime_us — microseconds since timer_init: jiffies plus the part of the
 * current tick that the PIT's down-counter shows. Under emulation the count
 * can wrap before IRQ 0 shows as pending, which would make time jump back
 * by a tick; like Linux's PIT clocksource (pit_read), never return less
 * than the last value returned. */
u64 uptime_us(void)
{
	static u64 last_us;
	u32 flags = read_eflags();
	bool pending;
	u32 cycles;
	u64 ticks, us;

	local_irq_disable();
	ticks = get_jiffies_64();
	cycles = pit_elapsed(&pending);
	if (pending && cycles < PIT_LATCH / 2)
		ticks++;		/* wrapped after the IRQ was raised */
	us = ticks * (1000000 / HZ) + (u64)cycles * 1000000 / PIT_FREQ;
	if (us < last_us)
		us = last_us;
	last_us = us;
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
	return us;
}

static void timer_interrupt(struct pt_regs *regs)
{
	do_timer();
	tick_global();
	update_process_times(user_mode(regs));
}

void timer_init(void)
{
	outb(PIT_CMD, PIT_CH0_MODE2);
	outb(PIT_CH0, PIT_LATCH & 0xFF);
	outb(PIT_CH0, PIT_LATCH >> 8);
	request_irq(IRQ_TIMER, timer_interrupt);
}
