/* user/test/fuzz/gen.c — what a fuzz child calls: a call number drawn
 * from the implemented ones (build/fuzz_calls.h, made from the syscall
 * table) and now and then from outside the table, arguments drawn from
 * values that have broken kernels before, typed arguments for the calls
 * this kernel is about, and raw int $0x80. */
#include <string.h>
#include <unistd.h>
#include "fuzz.h"

static const struct { int nr; const char *name; } calls[] = {
#include "fuzz_calls.h"
};
#define NR_CALLS	(int)(sizeof(calls) / sizeof(calls[0]))

unsigned long rng;
int fds[8], nfds;

/* xorshift32: small, fast, and the same sequence on every machine */
unsigned long xorshift(unsigned long *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

unsigned long rnd(void)
{
	return xorshift(&rng);
}

unsigned long child_seed(unsigned long seed, unsigned long i)
{
	unsigned long s = seed * 2654435761UL ^ (i + 1) * 40503UL;

	return s ? s : 1;
}

/* paths on each file system there is: the disk, tmpfs (/dev/shm, which
 * anyone may write), procfs (which makes no names) and the devices */
static const char *const paths[] = {
	"a", "b/c", FUZZ_DIR "/f", FUZZ_DIR, "/", ".", "..", "", "/dev/null",
	"/dev/zero", "/bin/true", "/bin/false", "/nonexistent", "f/",
	"/tmp/fuzz/a/../f", "////", "/dev/kstat", "/dev/tasks", "/dev/shm/fz",
	"/dev/shm", "/proc/self/status", "/proc/fz", "/proc/self/fd",
};

static const unsigned long clone_bits[] = {
	0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000,
	0x40000, 0x80000, 0x100000, 0x200000, 0x400000, 0x1000000,
	0x20000000, 0x80000000,
};

/* arg — one argument, of a kind chosen at random */
unsigned long arg(void)
{
	unsigned long r = rnd(), v = 0;

	switch (r % 18) {
	case 0: return 0;
	case 1: return rnd() % 16;
	case 2: return ~0UL;
	case 3: return rnd();
	case 4: return (rnd() % 0x100000) * 4096 + (rnd() % 3) - 1;
	case 5: return 0xC0000000UL + (rnd() % 0x3FFFFFFF);	/* the kernel */
	case 6: return 0xC0100000UL;		/* the kernel's text */
	case 7: return 0x1000 + rnd() % 0x7000;	/* never mapped */
	case 8: return 0x50000000UL + (rnd() % 0x1000) * 4096;
	case 9:
	case 10: return (unsigned long)scratch + rnd() % SCRATCH;
	case 11: return (unsigned long)scratch + SCRATCH - rnd() % 64;
	case 12: return nfds ? fds[rnd() % nfds] : 0;
	case 13: return 40 + rnd() % 24;		/* closed fds */
	case 14:
		for (int n = rnd() % 5; n >= 0; n--)
			v |= clone_bits[rnd() % 17];
		return v | rnd() % 66;		/* and an exit signal */
	case 15: return rnd() % 70;			/* signal numbers */
	case 16: {
		static const unsigned long huge[] = { 0x7FFFFFFF, 0x80000000,
			0xFFFFF000, 0x10000000, 0x40000000, 0xFFFFFFFE };
		return huge[rnd() % 6];
	}
	default: {
		const char *p = paths[rnd() % (sizeof(paths) / sizeof(*paths))];
		unsigned char *d = scratch + SCRATCH - 4096;

		strcpy((char *)d, p);
		return (unsigned long)d;
	}
	}
}

/* Typed arguments for the calls this kernel is about (trinity's
 * ARG_* types, by hand): half the time these calls get them instead of
 * the untyped mix, so that deep paths are reached, not only EINVAL. */
static const unsigned long clone_sets[] = {
	0x11,					/* fork: SIGCHLD */
	0x4111,					/* vfork: VM|VFORK|SIGCHLD */
	0x3d0f00,				/* NPTL's thread flags */
	0x10f00,				/* thread without TLS/tids */
	0x8000 | 0x100 | 0x800 | 0x11,		/* PARENT|VM|SIGHAND... */
	0x1200000 | 0x11,			/* CHILD_SETTID|CHILD_CLEARTID */
};

unsigned long scratch_at(unsigned long align)
{
	return ((unsigned long)scratch + rnd() % (SCRATCH - 256)) & ~(align - 1);
}

static long a_pid(void)
{
	static const long pids[] = { 0, -1, 1, 2, 3, 32767, 32768, -2 };

	return rnd() % 3 ? getpid() + (long)(rnd() % 8) : pids[rnd() % 8];
}

void typed(long nr, long *a)
{
	switch (nr) {
	case NR_clone:
		a[0] = clone_sets[rnd() % 6] | (rnd() % 4 ? 0 : arg());
		a[1] = rnd() % 2 ? 0 : scratch_at(16);
		a[2] = a[4] = scratch_at(4);
		a[3] = scratch_at(4);		/* a struct user_desc */
		break;
	case NR_futex:
		a[0] = scratch_at(4);
		a[1] = (rnd() % 13) | (rnd() % 2 ? 128 : 0);
		a[3] = rnd() % 2 ? 0 : scratch_at(4);
		a[4] = scratch_at(4);
		break;
	case NR_kill: case NR_tkill:
		a[0] = a_pid();
		a[1] = rnd() % 66;
		break;
	case NR_tgkill:
		a[0] = a_pid();
		a[1] = a_pid();
		a[2] = rnd() % 66;
		break;
	case NR_wait4: case NR_waitpid:
		a[0] = a_pid();
		a[1] = rnd() % 2 ? 0 : scratch_at(4);
		a[2] = (rnd() % 2) | (rnd() % 16) << 1 | (rnd() % 8) << 29;
		a[3] = rnd() % 2 ? 0 : scratch_at(4);
		break;
	case NR_waitid:
		a[0] = rnd() % 4;
		a[1] = a_pid();
		a[2] = scratch_at(4);
		a[3] = (rnd() % 16) | (rnd() % 2 ? 0x1000000 : 0) |
		       (rnd() % 8) << 29;
		break;
	case NR_mmap2:
		a[0] = rnd() % 2 ? 0 : (rnd() % 0xC0000) << 12;
		a[1] = (rnd() % 64 + 1) << 12;
		a[2] = rnd() % 8;
		a[3] = (rnd() % 2 ? 0x02 : 0x01) | (rnd() % 2 ? 0x20 : 0) |
		       (rnd() % 4 ? 0 : 0x10) | (rnd() % 8 ? 0 : 0x100);
		a[4] = -1;
		break;
	case NR_mprotect: case NR_munmap:
		a[0] = scratch_at(4096) + (rnd() % 4 ? 0 : 4096 * 16);
		a[1] = (rnd() % 8 + 1) << 12;
		a[2] = rnd() % 8;
		break;
	case NR_set_thread_area:
		a[0] = scratch_at(4);
		((int *)a[0])[0] = rnd() % 4 ? -1 : (int)(rnd() % 10);
		break;
	}
}

/* pick — a call number: mostly implemented ones; some out of the table,
 * negative or past its end. exit, exit_group and execve end the child
 * early, so they are drawn ten times less often. */
long pick(void)
{
	unsigned long r = rnd() % 100;
	long nr;

	if (r < 3)
		return (long)(0x80000000UL + rnd() % 3) - (long)(rnd() % 2);
	if (r < 12)
		return rnd() % 460;
	do
		nr = calls[rnd() % NR_CALLS].nr;
	while ((nr == 1 || nr == 252 || nr == 11) && rnd() % 10);
	return nr;
}

const char *name_of(long nr)
{
	for (int i = 0; i < NR_CALLS; i++)
		if (calls[i].nr == nr)
			return calls[i].name;
	return "?";
}

/* raw — int $0x80 with six arguments, no libc: errno lives at %gs, and
 * the fuzzed calls may take %gs away. The sixth goes through memory at
 * a fixed address because %ebp is the frame pointer. */
long arg6;

long raw(long nr, const long *a)
{
	long ret;

	arg6 = a[5];
	__asm__ volatile("push %%ebp\n\tmov %[a6], %%ebp\n\tint $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]),
			   "S"(a[3]), "D"(a[4]), [a6] "m"(arg6)
			 : "memory");
	return ret;
}

int nr_calls(void)
{
	return NR_CALLS;
}
