/* kernel/task/waitqueue.h — wait queues and completions; Linux
 * include/linux/wait.h, completion.h; ULK 3.2.4.1 "Wait queues".
 * The sleeper puts itself on the queue and sets its state *before* it
 * tests the condition, so a wake_up between the test and schedule() only
 * makes schedule() return at once: no wake-up is lost. wait_event's users
 * include sched.h (which includes this file) for current and schedule(). */
#ifndef CLONIX_WAIT_H
#define CLONIX_WAIT_H

#include "../lib/list.h"
#include "../lib/spinlock.h"

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;		/* of wait_queue_entry.entry */
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define WAIT_QUEUE_HEAD_INIT(name)	\
	{ { 0, 0, "wait_queue_head.lock" }, LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = WAIT_QUEUE_HEAD_INIT(name)

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void wake_up(struct wait_queue_head *wq);
/* queue w without sleeping yet: poll waits on several queues at once */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);

/* wait_event — sleep until cond is true; cond is re-tested after every
 * wake-up, as wake_up wakes all sleepers and another may have won. */
#define wait_event(wq, cond)						\
	do {								\
		struct wait_queue_entry __w = { current, { NULL, NULL } };\
		for (;;) {						\
			prepare_to_wait(&(wq), &__w,			\
					TASK_UNINTERRUPTIBLE);		\
			if (cond)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq), &__w);				\
	} while (0)

/* wait_event_killable — the same, but a killed task (sigkill) stops
 * waiting; the caller sees the condition still false. */
#define wait_event_killable(wq, cond)					\
	do {								\
		struct wait_queue_entry __w = { current, { NULL, NULL } };\
		for (;;) {						\
			prepare_to_wait(&(wq), &__w,			\
					TASK_INTERRUPTIBLE);		\
			if ((cond) || fatal_signal_pending(current))	\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq), &__w);				\
	} while (0)

/* wait_event_interruptible — sleep until cond, or a signal arrives:
 * ret is then -ERESTARTSYS (restarted or EINTR, as the handler says). */
#define wait_event_interruptible(wq, cond, ret)				\
	do {								\
		struct wait_queue_entry __w = { current, { NULL, NULL } };\
		(ret) = 0;						\
		for (;;) {						\
			prepare_to_wait(&(wq), &__w,			\
					TASK_INTERRUPTIBLE);		\
			if (cond)					\
				break;					\
			if (signal_pending(current)) {			\
				(ret) = -512;	/* -ERESTARTSYS */	\
				break;					\
			}						\
			schedule();					\
		}							\
		finish_wait(&(wq), &__w);				\
	} while (0)

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

void init_completion(struct completion *c);
void complete(struct completion *c);
void wait_for_completion(struct completion *c);

long schedule_timeout(long ticks);

#endif
