/* kernel/task/timer.h — kernel timers: run a function at a given jiffy. */
#ifndef CLONIX_KTIMER_H
#define CLONIX_KTIMER_H

#include "../lib/jiffies.h"
#include "../lib/list.h"

struct timer_list {
	struct list_head entry;		/* on the sorted timer list */
	u64 expires;			/* jiffies */
	void (*function)(struct timer_list *t);
	void *data;
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 void *data);
void mod_timer(struct timer_list *t, u64 expires);
void del_timer(struct timer_list *t);
void run_timers(u64 now);

#endif
