/* user/test/fuzz/fuzz.h — a small system call fuzzer (trinity's idea):
 * children call random system calls with arguments drawn from
 * values that have broken kernels before, and the kernel must take it all.
 *	fuzz [-s seed] [-n calls] [-c per-child] [-f first-child] [-j jobs] [-v]
 * Each child i gets its own generator, seeded from (seed, i), so its calls
 * replay exactly: "fuzz -s SEED -f I -n 500 -c 500 -v" reruns child I
 * alone and prints every call before making it. With -j, that many
 * children run at once (races between them are part of the test). The
 * children run as nobody (uid 65534) in /tmp/fuzz with small limits
 * (tasks, memory, files), so what they break is theirs; after each batch
 * a sweeper (also nobody) kills whatever they left behind, and the
 * kernel's task count must come back; the parent removes the files they
 * left on /dev/shm (tmpfs: memory, which init's check would count).
 * Each child also draws hostile modes (hostile.c): selectors left in
 * segment registers, a thread closing descriptors under sleeping calls,
 * signal handlers on unusable stacks.
 * The end of the run is init's leak check: every object counter balances.
 * try: fuzz -n 2000 -c 200
 * The parts: fuzz.c is the parent (batches, the watch, the sweep), child.c
 * a child's set-up and its loop, gen.c the generator of calls and
 * arguments, hostile.c the hostile modes. */
#ifndef FUZZ_H
#define FUZZ_H

#include <sys/types.h>

#define NOBODY		65534
#define FUZZ_DIR	"/tmp/fuzz"
#define SHM_DIR		"/dev/shm"	/* tmpfs: anyone may write */
#define SCRATCH		(64 * 1024)	/* followed by a PROT_NONE page */
#define STALL_MS	500		/* no call for so long: killed (pause...) */
#define TICK_MS		50		/* how often the parent looks */
#define SWEEP_SECONDS	30		/* leftovers must be gone by then */
#define __WALL		0x40000000
#define MAX_JOBS	8

/* the calls that get typed arguments or a hostile mode's attention */
#define NR_waitpid	7
#define NR_kill		37
#define NR_munmap	91
#define NR_wait4	114
#define NR_clone	120
#define NR_mprotect	125
#define NR_mmap2	192
#define NR_tkill	238
#define NR_futex	240
#define NR_set_thread_area 243
#define NR_tgkill	270
#define NR_waitid	284

struct slot {				/* in a page shared with children */
	volatile unsigned long calls;	/* made by the child in this slot */
	volatile long nr, args[6];	/* its last call */
	volatile long fault_tgid;	/* who made the final fault */
};

/* fuzz.c */
extern struct slot *slots, *me;		/* every child's slot; a child's own */
extern unsigned char *scratch;		/* SCRATCH bytes, then PROT_NONE */
extern int verbose, console;		/* -v: each call on the console */

/* gen.c */
extern unsigned long rng;		/* the generator's state */
extern int fds[8], nfds;		/* a child's open descriptors */
unsigned long xorshift(unsigned long *state);
unsigned long rnd(void);
unsigned long child_seed(unsigned long seed, unsigned long i);
unsigned long arg(void);
unsigned long scratch_at(unsigned long align);
void typed(long nr, long *a);
long pick(void);
const char *name_of(long nr);
int nr_calls(void);
extern long arg6;			/* raw's sixth, through memory */
long raw(long nr, const long *a);

/* hostile.c */
extern int modes, console_rd, seg_reg;
extern unsigned long seg_sel;
void hostile_setup(unsigned long seed, unsigned long i);
long fd_pick(long nr);
void final_fault(unsigned long k);
void seg_prepare(void);
long seg_pick(long nr);
void seg_typed(long nr, long *a);
void io_typed(long nr, long *a);
long raw_under_segment(long nr, const long *a);

/* child.c */
void __attribute__((noreturn)) child(unsigned long seed, unsigned long i,
				     unsigned long n);

#endif
