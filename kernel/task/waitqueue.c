/* kernel/task/waitqueue.c — wait queues, completions and timed sleeps; Linux
 * kernel/sched/wait.c, completion.c and kernel/time/timer.c
 * (schedule_timeout), reduced. */
#include "sched.h"
#include "timer.h"

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock, "wait_queue_head.lock");
	INIT_LIST_HEAD(&wq->head);
}

/* prepare_to_wait — queue w (once) and set the state to sleep in; the
 * caller tests its condition next and calls schedule() if it is false. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state)
{
	u32 flags = spin_lock_irqsave(&wq->lock);

	if (!w->entry.next)
		list_add_tail(&w->entry, &wq->head);
	current->state = state;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	u32 flags = spin_lock_irqsave(&wq->lock);

	current->state = TASK_RUNNING;
	if (w->entry.next)
		list_del(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	u32 flags = spin_lock_irqsave(&wq->lock);

	list_add_tail(&w->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	u32 flags = spin_lock_irqsave(&wq->lock);

	list_del(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* wake_up — make every sleeper runnable; each re-tests its condition. */
void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	u32 flags = spin_lock_irqsave(&wq->lock);

	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wait);
}

void complete(struct completion *c)
{
	u32 flags = spin_lock_irqsave(&c->wait.lock);

	c->done++;
	spin_unlock_irqrestore(&c->wait.lock, flags);
	wake_up(&c->wait);
}

/* wait_for_completion — sleep until complete(); consumes one "done". */
void wait_for_completion(struct completion *c)
{
	u32 flags;

	wait_event(c->wait, c->done > 0);
	flags = spin_lock_irqsave(&c->wait.lock);
	c->done--;
	spin_unlock_irqrestore(&c->wait.lock, flags);
}

static void process_timeout(struct timer_list *t)
{
	wake_up_process(t->data);
}

/* schedule_timeout — sleep for up to ticks in the state the caller set
 * (TASK_RUNNING returns at once); returns the ticks that were left if
 * woken early, else 0. */
long schedule_timeout(long ticks)
{
	struct timer_list timer;
	u64 expire = get_jiffies_64() + ticks;
	u64 now;

	timer_setup(&timer, process_timeout, current);
	mod_timer(&timer, expire);
	schedule();
	del_timer(&timer);
	now = get_jiffies_64();
	return now < expire ? (long)(expire - now) : 0;
}
