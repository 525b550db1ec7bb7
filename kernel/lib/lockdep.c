/* kernel/lib/lockdep.c — a small lock-order checker, after Linux's
 * lockdep (kernel/locking/lockdep.c; Documentation/locking/
 * lockdep-design.rst).
 *
 * Two CPUs deadlock when one holds A and waits for B while the other
 * holds B and waits for A. That needs both orders to happen somewhere,
 * not at the same moment: so the checker remembers every order it sees
 * ("B taken while A held", with the call chain of that moment) and
 * reports the first acquisition that closes a cycle of two, naming both
 * locks and both call chains, long before the two CPUs ever meet there.
 * Locks are grouped in classes by name (DEFINE_SPINLOCK's variable name,
 * spin_lock_init's argument): every wait queue's lock is one class.
 * It also reports taking a lock this CPU already holds (a deadlock on
 * the spot), and schedule() called with a lock held. Each CPU keeps the stack of locks it holds; a lock held
 * across a context switch (rq_lock) stays on its CPU's stack, which is
 * right: the CPU, not the task, holds it. A report starts with "BUG:"
 * (the test harness fails any boot that prints one), is printed once, and
 * the kernel goes on. */
#include "spinlock.h"
#include "printk.h"
#include "string.h"
#include "panic.h"
#include "../cpu/smp.h"
#include "../task/sched.h"

#define MAX_CLASSES	32
#define MAX_HELD	8
#define CHAIN_LEN	4

struct chain {
	u32 ip[CHAIN_LEN];
};

static const char *class_names[MAX_CLASSES + 1] = { "?" };
static int nr_classes;
/* after[a][b]: b was taken while a was held; chains[a][b]: where */
static bool after[MAX_CLASSES + 1][MAX_CLASSES + 1];
static struct chain chains[MAX_CLASSES + 1][MAX_CLASSES + 1];
static struct {
	spinlock_t *lock[MAX_HELD];
	int depth;
} held[NR_CPUS];
static volatile u32 lockdep_lock;	/* the tables above */
static bool reported;
unsigned long lockdep_reports;		/* inversions and recursions seen */

/* class_of — the class of l, found or made by name (index 0: the
 * classes past MAX_CLASSES, which are not checked). */
static int class_of(spinlock_t *l)
{
	const char *name = l->name ? l->name : "unnamed";

	/* a class out of range is garbage in a lock nobody initialised:
	 * it is looked up by name like an unseen one */
	if (l->class > 0 && l->class <= nr_classes)
		return l->class;
	for (int i = 1; i <= nr_classes; i++)
		if (!strcmp(class_names[i], name))
			return l->class = i;
	if (nr_classes == MAX_CLASSES)
		return 0;
	class_names[++nr_classes] = name;
	return l->class = nr_classes;
}

/* save_chain — the return addresses of the callers of spin_lock_*
 * (frame pointers are kept: -fno-omit-frame-pointer). The walk stays
 * on this kernel stack: the frame below trap_dispatch is entry.asm's,
 * whose %ebp is whatever the user had in it. */
static void save_chain(struct chain *c)
{
	u32 *bp = __builtin_frame_address(0);
	u32 base = (u32)bp & ~(THREAD_SIZE - 1);

	memset(c, 0, sizeof(*c));
	for (int i = 0; i < CHAIN_LEN; i++) {
		if ((u32)bp < base || (u32)bp >= base + THREAD_SIZE - 8)
			break;
		c->ip[i] = bp[1];
		bp = (u32 *)bp[0];
	}
}

static void print_chain(const struct chain *c)
{
	for (int i = 0; i < CHAIN_LEN && c->ip[i]; i++) {
		u32 off, size;
		const char *name = ksym_lookup(c->ip[i] - 1, &off, &size);

		printk("lockdep:    %s+0x%x\n", name ? name : "?", off + 1);
	}
}

static void report_inversion(int a, int b, const struct chain *now)
{
	printk("BUG: lockdep: possible deadlock: %s taken while %s is held, on "
	       "cpu %d; the other order was seen before\n", class_names[b],
	       class_names[a], this_cpu()->id);
	printk("lockdep:  %s then %s, at:\n", class_names[b], class_names[a]);
	print_chain(&chains[b][a]);
	printk("lockdep:  %s then %s (now), at:\n", class_names[a],
	       class_names[b]);
	print_chain(now);
}

static void report_recursion(int cls, const struct chain *now)
{
	printk("BUG: lockdep: %s taken again by cpu %d, which holds it: a "
	       "deadlock\n", class_names[cls], this_cpu()->id);
	print_chain(now);
}

/* check_order — record every "cls while h held" of this CPU; the first
 * problem found is returned (0: none, -1: recursion, else the class it
 * inverts with). Under lockdep_lock. */
static int check_order(int me, spinlock_t *l, int cls, const struct chain *now)
{
	int found = 0;

	for (int i = 0; i < MIN(held[me].depth, MAX_HELD); i++) {
		spinlock_t *h = held[me].lock[i];
		int hc = h->class;

		if (h == l)
			found = found ? found : -1;
		if (!hc || !cls || hc == cls || after[hc][cls])
			continue;
		after[hc][cls] = true;
		chains[hc][cls] = *now;
		if (after[cls][hc] && !found)
			found = hc;
	}
	return found;
}

void lockdep_acquire(spinlock_t *l)
{
	static bool reporting;	/* printk takes a lock too: not checked */
	int me = this_cpu()->id, cls, found;
	struct chain now;

	if (reporting)
		return;
	save_chain(&now);
	arch_spin_lock(&lockdep_lock);
	cls = class_of(l);
	found = check_order(me, l, cls, &now);
	if (held[me].depth < MAX_HELD)
		held[me].lock[held[me].depth] = l;
	held[me].depth++;
	if (found && !reported) {
		reported = reporting = true;
		lockdep_reports++;
	} else {
		found = 0;
	}
	arch_spin_unlock(&lockdep_lock);
	if (!found)
		return;
	if (found < 0)
		report_recursion(cls, &now);
	else
		report_inversion(found, cls, &now);
	reporting = false;
}

/* lockdep_release — locks are not always released in the reverse
 * order they were taken: the released one is taken out wherever it is. */
void lockdep_release(spinlock_t *l)
{
	int me = this_cpu()->id, d;

	if (!l->class)
		return;		/* taken while reporting: never recorded */
	arch_spin_lock(&lockdep_lock);
	d = MIN(held[me].depth, MAX_HELD);
	for (int i = d - 1; i >= 0; i--)
		if (held[me].lock[i] == l) {
			memmove(&held[me].lock[i], &held[me].lock[i + 1],
				(d - i - 1) * sizeof(held[me].lock[0]));
			break;
		}
	if (held[me].depth)
		held[me].depth--;
	arch_spin_unlock(&lockdep_lock);
}

/* lockdep_sleep_check — schedule() with a spinlock held: the task may
 * go on on another CPU, which would then release a lock it never took,
 * and a CPU that spins for that lock meanwhile spins until the sleeper
 * comes back (Linux's "scheduling while atomic"). Reported once. */
void lockdep_sleep_check(void)
{
	static bool said;
	int me = this_cpu()->id;

	if (!held[me].depth || said)
		return;
	said = true;
	lockdep_reports++;
	printk("BUG: lockdep: schedule() on cpu %d with %d lock%s held:", me,
	       held[me].depth, held[me].depth > 1 ? "s" : "");
	for (int i = 0; i < MIN(held[me].depth, MAX_HELD); i++)
		printk(" %s", held[me].lock[i]->name ? held[me].lock[i]->name :
		       "unnamed");
	printk("\n");
	dump_stack_from((u32)__builtin_return_address(0),
			(u32)__builtin_frame_address(0), 0);
}
