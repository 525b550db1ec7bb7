/* kernel/task/sched.c — the scheduler: a round-robin runqueue, time
 * slices from the tick, and the context switch. Linux kernel/sched/core.c
 * (schedule, try_to_wake_up, scheduler_tick); ULK 7 reduced to round robin.
 *
 * Lock order, outermost first (the one statement of it, STYLE 13):
 *	tasklist_lock → wait_queue_head.lock → rq_lock → timer_lock
 * Every lock disables interrupts (uniprocessor), so an interrupt handler
 * never finds a lock held.
 *
 * Preemption: the tick sets current->need_resched when the slice is used
 * up; the switch happens on the way back to user mode (trap_dispatch) or
 * when kernel code sleeps or yields. Kernel code is not preempted, as in a
 * Linux built without CONFIG_PREEMPT (ULK 5.2). */
#include "sched.h"
#include "../lib/trace.h"
#include "pid.h"
#include "signal.h"
#include "timer.h"
#include "../cpu/gdt.h"
#include "../cpu/smp.h"
#include "../cpu/x86.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../lib/spinlock.h"
#include "../lib/string.h"
#include "../lib/smp_lock.h"
#include "../mm/mm.h"
#include "../mm/uaccess.h"
#include "../cpu/tls.h"

extern char boot_stack_bottom[];
void switch_stacks(u32 *prev_sp, u32 next_sp);

/* CPU 0's idle task: kmain's context becomes it (boot/entry.asm put its
 * address at the bottom of the boot stack, so current works at once). */
struct task_struct init_task = {
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.pid = 0,
	.comm = "swapper",
	.stack = boot_stack_bottom,
	.cpus_allowed = ~0u,		/* inherited by every task */
};
static struct signal_struct idle_signal = { .sigcnt = 1, .live = 1 };

/* under rq_lock: */
static LIST_HEAD(runqueue);
static DEFINE_SPINLOCK(rq_lock);

void sched_init(void)
{
	*end_of_stack(&init_task) = STACK_END_MAGIC;
	fpu_init();
	INIT_LIST_HEAD(&init_task.tasks);
	INIT_LIST_HEAD(&init_task.children);
	init_task.group_leader = &init_task;
	init_task.signal = &idle_signal;
	INIT_LIST_HEAD(&idle_signal.thread_head);
	init_waitqueue_head(&idle_signal.wait_chldexit);
	init_rlimits(&idle_signal);	/* every task copies its parent's */
	cpus[0].idle = cpus[0].curr = &init_task;
	init_task.on_cpu = true;
	pid_init();
}

/* fork_idle — the idle task of another CPU (Linux fork_idle): like
 * init_task, on a stack of its own; start_secondary runs on it. */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *t = alloc_task_struct();

	if (!t)
		return NULL;
	t->state = TASK_RUNNING;
	t->flags = PF_KTHREAD | PF_IDLE;
	t->cpu = cpu;
	t->on_cpu = true;
	t->cpus_allowed = 1u << cpu;
	cpus[cpu].curr = t;
	snprintf(t->comm, sizeof(t->comm), "swapper/%d", cpu);
	INIT_LIST_HEAD(&t->tasks);
	t->group_leader = t;
	t->signal = init_task.signal;
	t->fpu = init_task.fpu;
	return t;
}

static void enqueue(struct task_struct *p)
{
	list_add_tail(&p->run_list, &runqueue);
	p->on_rq = true;
	p->queued_at = (unsigned long)get_jiffies_64();
}

static void dequeue(struct task_struct *p)
{
	list_del(&p->run_list);
	p->on_rq = false;
}

/* can_run_on — may c switch to t: t is not running on another CPU (a
 * running task stays on the runqueue) and its affinity allows c. */
static bool can_run_on(const struct task_struct *t, const struct cpu *c)
{
	return (!t->on_cpu || t->cpu == c->id) &&
	       (t->cpus_allowed & (1u << c->id));
}

/* has_waited — t waits on the runqueue, not running, since before the
 * current tick began */
static bool has_waited(const struct task_struct *t, unsigned long now)
{
	return !t->on_cpu && t->queued_at != now;
}

/* waiting_for(c) — is there a task on the runqueue that idle CPU c
 * should take without being asked: one c may run that joined it before
 * the current tick began. A task that joined it just now is left to
 * the CPU that queued it, which is usually about to run it (a parent in
 * fork before its wait, a waker on its way to sleep): taking it would
 * move it, and the two CPUs would then take turns at the big kernel lock.
 * Linux's balancer leaves "cache-hot" tasks alone in the same way. */
static bool waiting_for(const struct cpu *c)
{
	unsigned long now = (unsigned long)get_jiffies_64();
	struct task_struct *t;

	list_for_each_entry(t, &runqueue, run_list)
		if (has_waited(t, now) && (t->cpus_allowed & (1u << c->id)))
			return true;
	return false;
}

/* kick_idle_cpu — p waits on the runqueue: the first idle CPU that may
 * run it is sent a reschedule IPI, which ends its hlt (ULK 7.4.3's
 * "reschedule_idle", the 2.4 scheduler's name for it). */
static void kick_idle_cpu(struct task_struct *p)
{
	for_each_online_cpu(c)
		if (c != this_cpu() && (c->curr->flags & PF_IDLE) &&
		    can_run_on(p, c)) {
			c->curr->need_resched = true;
			smp_send_reschedule(c);
			return;
		}
}

/* waker_leaves_cpu — will this CPU switch to p soon anyway? Yes when
 * the waker is exiting and p may run here: the exit ends in schedule().
 * Its wake-ups (the parent in wait, the vfork parent, the joiner on the
 * CHILD_CLEARTID futex) then run where the waker ran, as Linux's sync
 * wake-ups do, instead of paying an idle CPU's IPI and hlt wake-up. */
static bool waker_leaves_cpu(const struct task_struct *p)
{
	return (current->flags & PF_EXITING) && can_run_on(p, this_cpu());
}

/* make_runnable — what every wake-up does, under rq_lock: p, unless it
 * is dead, is TASK_RUNNING and on the runqueue (once). False if dead. */
static bool make_runnable(struct task_struct *p)
{
	if (p->state == TASK_DEAD)
		return false;
	p->state = TASK_RUNNING;
	if (!p->on_rq && !(p->flags & PF_IDLE))
		enqueue(p);
	return true;
}

/* wake_up_process — make p runnable (try_to_wake_up). */
void wake_up_process(struct task_struct *p)
{
	u32 flags = spin_lock_irqsave(&rq_lock);

	if (make_runnable(p)) {
		if ((current->flags & PF_IDLE) && can_run_on(p, this_cpu()))
			current->need_resched = true;	/* an interrupt woke it */
		else if (!p->on_cpu && !waker_leaves_cpu(p))
			kick_idle_cpu(p);
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* wake_up_new_task — the first wake-up of a new task: it waits on the
 * runqueue without an IPI. Its creator usually sleeps soon after (wait,
 * vfork, pthread_join), and this CPU then runs it; if the creator runs
 * on, an idle CPU finds it at its next tick (scheduler_tick). Linux's
 * wake_up_new_task places it on the idlest CPU at once; here an idle
 * CPU's wake-up costs more than a new task usually waits (docs/smp.md).
 * A child whose affinity excludes this CPU is placed at once. */
void wake_up_new_task(struct task_struct *p)
{
	u32 flags = spin_lock_irqsave(&rq_lock);

	/* a signal (exit_group's kill) may have woken it already, while
	 * clone wrote CLONE_PARENT_SETTID and slept on a page fault; it may
	 * even have run and died since */
	if (make_runnable(p) && !p->on_cpu && !can_run_on(p, this_cpu()))
		kick_idle_cpu(p);
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* kick_cpu_of — t runs on another CPU, in user mode perhaps: bring it
 * into the kernel, whose way out looks at signals and need_resched
 * (a signal, a kill, an affinity that excludes its CPU). */
void kick_cpu_of(struct task_struct *t)
{
	if (t->on_cpu && t->cpu != current->cpu)
		smp_send_reschedule(&cpus[t->cpu]);
}

/* set_cpus_allowed — p's new affinity. Running on a CPU it excludes, p
 * is told to reschedule (and its CPU kicked, if another); waiting on the
 * runqueue, it may now suit an idle CPU. */
void set_cpus_allowed(struct task_struct *p, u32 mask)
{
	u32 flags = spin_lock_irqsave(&rq_lock);

	p->cpus_allowed = mask;
	if (p->on_cpu && !(mask & (1u << p->cpu))) {
		p->need_resched = true;
		kick_cpu_of(p);
	} else if (p->on_rq && !p->on_cpu) {
		kick_idle_cpu(p);
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* pick_next — the first task on the runqueue this CPU may run, or its
 * idle task. A task that keeps running goes to the tail first: that is
 * the round robin. One queue for every CPU (docs/smp.md says why). */
static struct task_struct *pick_next(struct task_struct *prev)
{
	struct cpu *c = this_cpu();
	struct task_struct *t;

	if (prev->on_rq) {
		dequeue(prev);
		if (prev->state == TASK_RUNNING)
			enqueue(prev);
	}
	list_for_each_entry(t, &runqueue, run_list)
		if (can_run_on(t, c))
			return t;
	return c->idle;
}

/* finish_task_switch — runs in the task switched to: drops the rq_lock
 * schedule() took (flags: the interrupt state to go back to), then frees
 * a dead previous task, now that its stack is not in use. Not under
 * rq_lock: release_task takes tasklist_lock, which comes before rq_lock
 * (docs/locking.md). */
static void finish_task_switch(u32 flags)
{
	struct cpu *c = this_cpu();
	struct task_struct *prev = c->prev_task;

	c->prev_task = NULL;
	spin_unlock_irqrestore(&rq_lock, flags);
	if (prev && prev->state == TASK_DEAD && prev->exit_state == EXIT_DEAD)
		release_task(prev);	/* a zombie waits for its parent */
}

/* switch_mm — load next's page directory (a kernel thread runs on
 * swapper_pg_dir); skipped when it is already loaded, to keep the TLB. */
static void switch_mm(struct task_struct *next)
{
	pgd_t *pgd = next->mm ? next->mm->pgd : swapper_pg_dir;

	if (pgd != current_pgd())
		switch_pgd(pgd);
}

void schedule(void)
{
	struct task_struct *prev = current, *next;
	u32 flags;

	lockdep_sleep_check();
	flags = spin_lock_irqsave(&rq_lock);

	if (*end_of_stack(prev) != STACK_END_MAGIC)
		panic("kernel stack overflow: pid %d (%s) went past its %d-byte "
		      "stack", prev->pid, prev->comm, (int)THREAD_SIZE);
	next = pick_next(prev);
	prev->need_resched = false;
	if (next != prev) {
		cpustat.ctxt++;
		if (prev->state == TASK_RUNNING)
			prev->nivcsw++;		/* preempted or yielded */
		else
			prev->nvcsw++;		/* went to sleep */
		if (next->time_slice <= 0)
			next->time_slice = task_timeslice(next);
		next->cpu = prev->cpu;
		/* under the big kernel lock until next runs: no other CPU
		 * can pick prev while its stack is still in use here */
		prev->on_cpu = false;
		next->on_cpu = true;
		this_cpu()->curr = next;
		this_cpu()->prev_task = prev;
		if (prev->on_rq)
			kick_idle_cpu(prev);
		tss_set_kernel_stack((u32)next->stack + THREAD_SIZE);
		switch_mm(next);
		/* %gs still holds prev's TLS selector, valid only with
		 * prev's GDT slots; an interrupt frame saved by a task with
		 * no such slot (idle) would reload it and fault. The kernel
		 * never uses %gs; every return to user mode restores it. */
		__asm__ volatile("movl %0, %%gs" : : "r"(0));
		load_TLS(next);
		fpu_switch(prev, next);
		switch_stacks(&prev->sp, next->sp);
		finish_task_switch(flags);	/* in next, maybe much later */
		return;
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* schedule_tail — the first C a new task runs: what schedule() would
 * have done after switch_stacks, then interrupts on (rq_lock dropped). */
void schedule_tail(void)
{
	finish_task_switch(X86_EFLAGS_IF);
	/* clone(CLONE_CHILD_SETTID): the child's first act (spec §2.5.2) */
	if (current->set_child_tid)
		put_user_u32(current->pid, current->set_child_tid);
}

/* yield — let the other runnable tasks of this CPU run first, and the
 * other CPUs into the kernel: a caller that loops on yield() waits for
 * something another task does, maybe in the kernel on another CPU. */
void yield(void)
{
	current->state = TASK_RUNNING;
	schedule();
	yield_kernel();
}

/* balance_tick — a busy CPU's tick: a task that has waited on the
 * runqueue since before this tick (the new thread of a creator that runs
 * on) is sent to an idle CPU that may run it, if there is one. */
static void balance_tick(void)
{
	unsigned long now;
	u32 flags;
	struct task_struct *t;

	if (num_online_cpus == 1)
		return;		/* no other CPU to send it to */
	now = (unsigned long)get_jiffies_64();
	flags = spin_lock_irqsave(&rq_lock);
	list_for_each_entry(t, &runqueue, run_list)
		if (has_waited(t, now)) {
			kick_idle_cpu(t);
			break;
		}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* scheduler_tick — from the timer interrupt: charge the tick. */
void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p->flags & PF_IDLE) {
		p->need_resched = p->need_resched || waiting_for(this_cpu());
		return;
	}
	if (--p->time_slice <= 0)
		p->need_resched = true;
	else
		balance_tick();
}

/* update_process_times — everything the tick does besides jiffies++:
 * charge the tick to the running task's user or system time. */
/* Ticks by what the CPU did (/proc/stat's "cpu" line), context switches,
 * and the load averages: Linux's exponentially decaying averages of the
 * runnable tasks, sampled every 5 s, in 11-bit fixed point (calc_load). */
struct cpustat cpustat;
unsigned long avenrun[3];

#define LOAD_FREQ	(5 * HZ + 1)
#define FSHIFT		11
#define FIXED_1		(1 << FSHIFT)

static void calc_load(void)
{
	static const unsigned long exp[3] = { 1884, 2014, 2037 };	/* 1, 5, 15 min */
	static unsigned long ticks;
	unsigned long active = nr_running() * FIXED_1;

	if (++ticks < LOAD_FREQ)
		return;
	ticks = 0;
	for (int i = 0; i < 3; i++)
		avenrun[i] = (avenrun[i] * exp[i] + active * (FIXED_1 - exp[i]) +
			      FIXED_1 / 2) >> FSHIFT;
}

/* nr_running — tasks that are runnable now, the one running included
 * (it stays on the runqueue while it runs). */
unsigned long nr_running(void)
{
	struct task_struct *t;
	unsigned long n = 0;

	list_for_each_entry(t, &runqueue, run_list)
		n++;
	return n;
}

/* update_process_times — every CPU's own tick: charge it to what the
 * CPU runs (user or kernel time of its task, or idle), run the task's
 * interval timers and its time slice (Linux update_process_times). */
void update_process_times(bool user)
{
	struct cpu *c = this_cpu();

	if (current->flags & PF_IDLE) {
		cpustat.idle++;
		c->ticks_idle++;
	} else if (user) {
		cpustat.user++;
		c->ticks_user++;
	} else {
		cpustat.system++;
		c->ticks_system++;
	}
	if (user)
		current->utime++;
	else if (!(current->flags & PF_IDLE))
		current->stime++;
	if (!(current->flags & PF_IDLE))
		account_itimers(current, user);
	scheduler_tick();
}

/* tick_global — what one CPU (CPU 0, from the PIT) does per tick for
 * the whole machine, after jiffies++: load averages and kernel timers. */
void tick_global(void)
{
	calc_load();
	run_timers(get_jiffies_64());
}

/* cpu_idle — the idle task's loop: sleep in hlt until there is work,
 * without the big kernel lock (the other CPUs go on in the kernel). Work
 * is need_resched, set by a wake-up in an interrupt on this CPU, by a
 * wake-up on another CPU with its reschedule IPI (kick_idle_cpu), or by
 * the tick when a task has waited (waiting_for). It is tested with
 * interrupts off and "sti; hlt" is atomic, so a wake-up between the test
 * and the hlt is not lost: its interrupt or IPI ends the hlt. */
void __noreturn cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (!current->need_resched) {
			unlock_kernel();
			safe_halt();
			local_irq_disable();
			lock_kernel();
			continue;
		}
		local_irq_enable();
		schedule();
	}
}

void set_task_comm(struct task_struct *t, const char *name)
{
	strlcpy(t->comm, name, sizeof(t->comm));
}
