/* kernel/task/timer.c — kernel timers; Linux kernel/time/timer.c, reduced
 * to one list kept in expiry order: the tick looks only at its head, so it
 * costs O(1) when nothing expires; adding is O(number of timers). */
#include "timer.h"
#include "../lib/spinlock.h"

static LIST_HEAD(timer_list_head);	/* under timer_lock */
static DEFINE_SPINLOCK(timer_lock);

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 void *data)
{
	t->entry.next = t->entry.prev = NULL;
	t->function = fn;
	t->data = data;
}

static void detach(struct timer_list *t)
{
	if (t->entry.next)
		list_del(&t->entry);
}

void mod_timer(struct timer_list *t, u64 expires)
{
	struct list_head *pos = &timer_list_head;
	struct timer_list *other;
	u32 flags = spin_lock_irqsave(&timer_lock);

	detach(t);
	t->expires = expires;
	list_for_each_entry(other, &timer_list_head, entry)
		if (other->expires > expires) {
			pos = &other->entry;
			break;
		}
	list_add_tail(&t->entry, pos);		/* before the first later one */
	spin_unlock_irqrestore(&timer_lock, flags);
}

void del_timer(struct timer_list *t)
{
	u32 flags = spin_lock_irqsave(&timer_lock);

	detach(t);
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* run_timers — from the tick: call every timer whose time has come. */
void run_timers(u64 now)
{
	u32 flags = spin_lock_irqsave(&timer_lock);

	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (t->expires > now)
			break;
		detach(t);
		spin_unlock_irqrestore(&timer_lock, flags);
		t->function(t);
		flags = spin_lock_irqsave(&timer_lock);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}
