/* kernel/test/test_sched.c — self-tests of kernel threads, the round-robin
 * scheduler, wait queues, completions, timed sleeps and pid allocation. */
#include "selftest.h"
#include "../lib/jiffies.h"
#include "../lib/string.h"
#include "../task/pid.h"
#include "../task/sched.h"
#include "../task/waitqueue.h"

#define ROUNDS	4
#define WORKERS	3

static char order[WORKERS * ROUNDS + 1];
static int order_len;

static int worker(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		order[order_len++] = 'A' + (int)arg;
		yield();
	}
	return 0;
}

/* reap_threads — yield until the threads we started are gone. */
static void reap_threads(unsigned long before)
{
	for (int i = 0; i < 1000 && nr_tasks() > before; i++)
		yield();
}

static void test_round_robin(void)
{
	unsigned long before = nr_tasks();
	int pids = nr_pids_in_use();

	order_len = 0;
	for (int i = 0; i < WORKERS; i++)
		check(kernel_thread(worker, (void *)i, "worker") > 0,
		      "sched: kernel_thread %d started", i);
	check(nr_tasks() == before + WORKERS, "sched: %d tasks more", WORKERS);
	reap_threads(before);
	order[order_len] = '\0';
	check(!strcmp(order, "ABCABCABCABC"), "sched: yield goes round robin "
	      "(order %s)", order);
	check(nr_tasks() == before && nr_pids_in_use() == pids,
	      "sched: exited threads are released with their pids");
}

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int wq_flag, wq_woken;

static int sleeper(void *arg __unused)
{
	wait_event(test_wq, wq_flag);
	wq_woken = 1;
	return 0;
}

static void test_wait_queue(void)
{
	unsigned long before = nr_tasks();
	struct task_struct *t;
	long pid;

	wq_flag = wq_woken = 0;
	pid = kernel_thread(sleeper, NULL, "sleeper");
	yield();	/* let it run and go to sleep */
	t = find_task_by_vpid(pid);
	check(t && t->state == TASK_UNINTERRUPTIBLE, "wait: sleeper is asleep");
	check(t && t->pid == pid, "pid: find_task_by_vpid finds it");
	yield();
	check(!wq_woken, "wait: a sleeper does not run without a wake-up");
	wq_flag = 1;
	wake_up(&test_wq);
	reap_threads(before);
	check(wq_woken, "wait: wake_up ran the sleeper, which saw the flag");
	/* the condition already true: no sleep at all, so no lost wake-up */
	wait_event(test_wq, wq_flag);
	check(true, "wait: wait_event on a true condition returns at once");
}

static struct completion done;

static int completer(void *arg __unused)
{
	complete(&done);
	return 0;
}

static void test_completion_and_sleep(void)
{
	unsigned long before = nr_tasks();
	u64 start;
	long left;

	init_completion(&done);
	kernel_thread(completer, NULL, "completer");
	wait_for_completion(&done);
	check(done.done == 0, "completion: wait_for_completion consumed it");
	reap_threads(before);
	start = get_jiffies_64();
	current->state = TASK_UNINTERRUPTIBLE;
	left = schedule_timeout(5);
	check(left == 0 && get_jiffies_64() >= start + 5,
	      "sleep: schedule_timeout(5) slept at least 5 ticks");
}

static void test_pids(void)
{
	int first = alloc_pid(), second = alloc_pid(), held, p300, last, wrap;

	check(first > 0 && second == first + 1, "pid: allocated in order "
	      "(%d, %d)", first, second);
	free_pid(second);
	held = alloc_pid();
	check(held != second, "pid: a freed pid is not handed out at once");
	pid_set_last(RESERVED_PIDS - 1);
	p300 = alloc_pid();
	pid_set_last(PID_MAX_DEFAULT - 2);
	last = alloc_pid();
	check(last == PID_MAX_DEFAULT - 1, "pid: the largest pid is %d",
	      PID_MAX_DEFAULT - 1);
	wrap = alloc_pid();
	check(p300 == RESERVED_PIDS && wrap == RESERVED_PIDS + 1,
	      "pid: wraps to %d and skips a pid in use (got %d)",
	      RESERVED_PIDS, wrap);
	for (int pid = first; pid <= held; pid++)
		free_pid(pid);
	free_pid(p300);
	free_pid(last);
	free_pid(wrap);
	check(find_task_by_vpid(first) == NULL && find_task_by_vpid(-1) ==
	      NULL, "pid: lookups of unused pids find nothing");
	pid_set_last(held);	/* where the cursor would have been */
}

void test_sched(void)
{
	test_round_robin();
	test_wait_queue();
	test_completion_and_sleep();
	test_pids();
}
