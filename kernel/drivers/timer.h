/* kernel/drivers/timer.h — the PIT: the tick (lib/jiffies.h) and a
 * clock finer than it. */
#ifndef CLONIX_TIMER_H
#define CLONIX_TIMER_H

#include "../lib/jiffies.h"

void timer_init(void);
u64 uptime_us(void);

#endif
