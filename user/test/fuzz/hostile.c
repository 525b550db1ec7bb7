/* user/test/fuzz/hostile.c — the fuzzer's hostile modes. Each child draws a set of modes; each mode is what
 * would have found one class of bug a hostile program once found:
 *
 *  MODE_SEGMENTS	before a call, a TLS selector (its slot made valid
 *			first) sits in %ds, %es, %fs, %gs or %ss; typed
 *			set_thread_area and clone(CLONE_SETTLS) calls often
 *			empty that very slot. The way back to user mode
 *			must not panic (a null selector, or SIGILL).
 *  MODE_FD_THREAD	a second thread sharing the descriptor table closes
 *			descriptors and reopens pipes and files in their
 *			slots every few milliseconds, while the fuzzed
 *			calls (typed reads and writes on the pipe, reads
 *			of the console) sleep in them. A file must outlive
 *			the calls using it.
 *  MODE_BAD_STACK	SIGSEGV, SIGUSR1 and SIGUSR2 handlers run on an
 *			alternate stack that cannot be written (unmapped,
 *			PROT_NONE, the kernel's). Early on, the child faults
 *			on purpose with a kernel address in %esp: it must
 *			die of SIGSEGV, not fault forever (the parent
 *			reports a livelock). */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include "fuzz.h"

#define MODE_SEGMENTS	1
#define MODE_FD_THREAD	2
#define MODE_BAD_STACK	4
#define NR_read		3
#define NR_getpid	20
#define NR_write	4
#define TLS_SLOT_MIN	6	/* i386 GDT TLS slots 6-8 */
#define DESC_FLAT	0x51	/* seg_32bit, limit_in_pages, useable */
#define DESC_EMPTY	0x28	/* read_exec_only, seg_not_present */

int modes;
int console_rd = -1;	/* /dev/console, read-only */
static unsigned long fault_at;	/* MODE_BAD_STACK: the call to fault at */
int seg_reg = -1;			/* this call's loaded selector */
unsigned long seg_sel;
static int seg_slot;
static unsigned long seg_orig[5];

struct tls_desc {
	unsigned int entry, base, limit, flags;
};

/* set_desc — a flat or an empty descriptor for slot at d (a scratch
 * address that a typed call passes on). */
static void set_desc(void *d, int slot, int empty)
{
	*(struct tls_desc *)d = (struct tls_desc){ slot, 0,
		empty ? 0 : 0xfffff, empty ? DESC_EMPTY : DESC_FLAT };
}

/* seg_prepare — in MODE_SEGMENTS, one call in three runs with a TLS
 * selector loaded; its slot is made valid first, so the load succeeds. */
void seg_prepare(void)
{
	static struct tls_desc d;
	long r;

	seg_reg = -1;
	if (!(modes & MODE_SEGMENTS) || rnd() % 3)
		return;
	seg_slot = TLS_SLOT_MIN + rnd() % 3;
	set_desc(&d, seg_slot, 0);
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(NR_set_thread_area),
			 "b"(&d) : "memory");
	if (r == 0) {
		seg_reg = rnd() % 5;
		seg_sel = seg_slot * 8 + 3;
	}
}

/* seg_pick — while a selector is loaded, one call in six is one that
 * can empty its slot: set_thread_area, or clone with CLONE_SETTLS. */
long seg_pick(long nr)
{
	if (seg_reg < 0 || rnd() % 6)
		return nr;
	return rnd() % 2 ? NR_set_thread_area : NR_clone;
}

/* seg_typed — set_thread_area and CLONE_SETTLS: half the time, a
 * descriptor for the loaded slot, empty or flat. */
void seg_typed(long nr, long *a)
{
	if (seg_reg < 0 || rnd() % 2)
		return;
	if (nr == NR_set_thread_area)
		set_desc((void *)a[0], seg_slot, rnd() % 2);
	if (nr == NR_clone) {
		a[0] |= 0x80000;			/* CLONE_SETTLS */
		set_desc((void *)a[3], seg_slot, rnd() % 2);
	}
}

/* The call with the selector in reg: the old value is pushed first and
 * popped after (through %ss, which is flat whenever we come back). */
#define RAW_UNDER(reg)							\
	__asm__ volatile("push %%ebp\n\t"				\
			 "pushl %[orig]\n\t"				\
			 "mov %[a6], %%ebp\n\t"				\
			 "mov %[sel], %%" reg "\n\t"			\
			 "int $0x80\n\t"				\
			 "pop %%" reg "\n\t"				\
			 "pop %%ebp"					\
			 : "=a"(ret)					\
			 : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]),	\
			   "S"(a[3]), "D"(a[4]), [a6] "m"(arg6),	\
			   [sel] "m"(seg_sel), [orig] "m"(seg_orig[seg_reg]) \
			 : "memory")

long raw_under_segment(long nr, const long *a)
{
	long ret = -1;

	arg6 = a[5];
	switch (seg_reg) {
	case 0: RAW_UNDER("ds"); break;
	case 1: RAW_UNDER("es"); break;
	case 2: RAW_UNDER("fs"); break;
	case 3: RAW_UNDER("gs"); break;
	case 4: RAW_UNDER("ss"); break;
	}
	return ret;
}

static void seg_save(void)
{
	unsigned short v[5];

	__asm__ volatile("mov %%ds, %0\n\tmov %%es, %1\n\tmov %%fs, %2\n\t"
			 "mov %%gs, %3\n\tmov %%ss, %4"
			 : "=m"(v[0]), "=m"(v[1]), "=m"(v[2]), "=m"(v[3]),
			   "=m"(v[4]));
	for (int i = 0; i < 5; i++)
		seg_orig[i] = v[i];
}

/* io_typed — reads and writes mostly on the pipe's ends, small counts:
 * they sleep (empty or full pipe) until the 50 ms timer, which is when
 * MODE_FD_THREAD's closer strikes. */
void io_typed(long nr, long *a)
{
	if ((nr != NR_read && nr != NR_write) || nfds < 3)
		return;
	a[0] = fds[nr == NR_read ? 1 : 2];
	if (nr == NR_read && console_rd >= 0 && rnd() % 3 == 0)
		a[0] = console_rd;
	a[1] = scratch_at(1);
	/* a read drains the pipe (the next one sleeps); a write may fill it */
	a[2] = nr == NR_read || rnd() % 2 ? 65536 + rnd() % 4096 : rnd() % 64;
}

static unsigned long closer_rng;	/* the closer's own generator */

static unsigned long closer_rnd(void)
{
	return xorshift(&closer_rng);
}

/* closer — MODE_FD_THREAD's thread, every 1-8 ms: close both ends of
 * the pipe, or the console, or any descriptor of the list, and open a
 * pipe or a file, which take the lowest free slots: the same ones. */
static void *closer(void *arg)
{
	int p[2];

	(void)arg;
	for (;;) {
		usleep(1000 + closer_rnd() % 7000);
		switch (closer_rnd() % 4) {
		case 0:
		case 1:
			close(fds[1]);
			close(fds[2]);
			break;
		case 2:
			close(console_rd);	/* its slot goes to a pipe */
			break;
		default:
			close(fds[closer_rnd() % nfds]);
		}
		if (closer_rnd() % 2)
			pipe(p);
		else
			open(FUZZ_DIR "/f", O_RDWR);
	}
	return NULL;
}

/* fd_pick — in MODE_FD_THREAD, one call in four is a read or a write on
 * the pipe, so that calls sleep where the closer strikes. */
long fd_pick(long nr)
{
	if (!(modes & MODE_FD_THREAD) || rnd() % 4)
		return nr;
	return rnd() % 2 ? NR_read : NR_write;
}

static void on_hostile(int sig)
{
	(void)sig;
}

/* bad_stack — an alternate stack that cannot be written, and handlers
 * that want it. */
static void bad_stack(void)
{
	static const unsigned long at[] = { 0x1000, 0xC0000000UL,
					    0xFFFFF000UL };
	stack_t ss = { .ss_size = 65536 };
	struct sigaction sa = { .sa_handler = on_hostile,
				.sa_flags = SA_ONSTACK };
	unsigned long r = rnd() % 4;

	ss.ss_sp = (void *)(r < 3 ? at[r] : (unsigned long)scratch + SCRATCH);
	if (r == 3)
		ss.ss_size = 4096;	/* the PROT_NONE page after scratch */
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
}

/* hostile_setup — draw this child's modes and start them. */
void hostile_setup(unsigned long seed, unsigned long i)
{
	pthread_t t;

	modes = rnd() % 8;
	seg_save();
	if (modes & MODE_FD_THREAD) {
		closer_rng = child_seed(seed ^ 0x5bd1e995UL, i);
		pthread_create(&t, NULL, closer, NULL);
	}
	if (modes & MODE_BAD_STACK) {
		bad_stack();
		fault_at = rnd() % 100;
	}
}

/* final_fault — MODE_BAD_STACK, at call fault_at (of the first hundred):
 * a fault whose handler cannot run, its frame due below a kernel address
 * in %esp. The child must die of it; if it is still there STALL_MS later,
 * the parent reports a livelock. The slot records who faulted: the
 * fuzzed clones run this loop too, in processes of their own. (Not the
 * alternate stack: the fuzzed sigaltstack calls may have made it usable,
 * or made changing it EPERM, and a handler that runs and returns faults
 * again forever on Linux too.) */
void final_fault(unsigned long k)
{
	struct sigaction sa = { .sa_handler = on_hostile };

	if (!(modes & MODE_BAD_STACK) || k != fault_at)
		return;
	sigaction(SIGSEGV, &sa, NULL);
	__asm__ volatile("int $0x80" : "=a"(me->fault_tgid) : "a"(NR_getpid));
	me->calls++;
	__asm__ volatile("mov $0xE0000000, %%esp\n\t"
			 "movl $1, 0xE0000000" : : : "memory");
}
