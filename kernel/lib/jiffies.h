/* kernel/lib/jiffies.h — the tick count, the one clock every layer reads
 * (Linux include/linux/jiffies.h): HZ ticks a second, advanced by the
 * timer interrupt (drivers/pit.c). */
#ifndef CLONIX_JIFFIES_H
#define CLONIX_JIFFIES_H

#include "kernel.h"

#define HZ		100
#define USER_HZ		100	/* the unit of times(2) and clock_t */

u64 get_jiffies_64(void);
void do_timer(void);

#endif
