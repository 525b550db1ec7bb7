/* kernel/drivers/timer.h — the PIT tick and jiffies (HZ = 100). */
#ifndef CLONIX_TIMER_H
#define CLONIX_TIMER_H

#include "../lib/kernel.h"

#define HZ		100
#define USER_HZ		100

void timer_init(void);
u64 get_jiffies_64(void);
u64 uptime_us(void);

#endif
