/* tests/guest/t_hostile.c — what a hostile program may try, compared with
 * Linux: a TLS selector left in %ds, %es, %fs, %gs or %ss while its slot
 * is emptied (by set_thread_area, or by clone(CLONE_SETTLS) in the
 * child), int3 and into from user mode, a signal handler whose stack
 * cannot be written, a descriptor closed under a thread sleeping in
 * read() on it, readv/writev lengths that do not fit ssize_t, mmap hints
 * beyond user space, and setsid when a group has the caller's PID.
 * Each case runs in a child; its exit status or signal is the answer.
 * try: /tests/t_hostile [segments|breakpoints|frames|close|iovec|mmap|setsid] */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define NR_exit			1
#define NR_clone		120
#define NR_set_thread_area	243
#define CLONE_SETTLS		0x00080000


/* run — fn in a child; "exit N" or "signal N" for how it ended. */
static const char *run(void (*fn)(int), int arg)
{
	static char how[32];
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	if (WIFEXITED(st))
		snprintf(how, sizeof(how), "exit %d", WEXITSTATUS(st));
	else
		snprintf(how, sizeof(how), "signal %d", WTERMSIG(st));
	return how;
}

/* ---- segment registers on the way back to user mode ---- */

struct desc {
	unsigned int entry, base, limit, flags;
};

#define DESC_FLAT	0x51	/* seg_32bit, limit_in_pages, useable */
#define DESC_EMPTY	0x28	/* read_exec_only, seg_not_present */

static unsigned int g_sel, g_saved;
static struct desc g_empty;

/* tls_selector — a fresh flat TLS slot (6 on i386 Linux and clonix,
 * 12 on x86-64 Linux), and the descriptor that empties it again. */
static void tls_selector(void)
{
	struct desc d = { -1u, 0, 0xfffff, DESC_FLAT };

	if (syscall(NR_set_thread_area, &d))
		_exit(90);
	g_sel = d.entry * 8 + 3;
	g_empty = (struct desc){ d.entry, 0, 0, DESC_EMPTY };
}

/* Load the selector, empty its slot, then exit(0) with no memory access
 * (a null %ds would fault on one). */
#define EMPTY_UNDER(reg)						\
	asm volatile("mov %[sel], %%" reg "\n\t"			\
		     "int $0x80\n\t"					\
		     "mov %[nr_exit], %%eax\n\t"			\
		     "xor %%ebx, %%ebx\n\t"				\
		     "int $0x80"					\
		     : : [sel] "r"(g_sel), "a"(NR_set_thread_area),	\
		       "b"(&g_empty), [nr_exit] "i"(NR_exit) : "memory")

static void empty_slot_under(int reg)
{
	tls_selector();
	switch (reg) {
	case 0: EMPTY_UNDER("ds"); break;
	case 1: EMPTY_UNDER("es"); break;
	case 2: EMPTY_UNDER("fs"); break;
	case 3: EMPTY_UNDER("gs"); break;
	case 4: EMPTY_UNDER("ss"); break;
	}
	_exit(91);
}

/* settls_child — the parent keeps its slot; the clone child's copy of it
 * is emptied by CLONE_SETTLS, with the selector still in %ds or %es. */
#define SETTLS_UNDER(reg)						\
	asm volatile("mov %%" reg ", %[saved]\n\t"			\
		     "mov %[sel], %%" reg "\n\t"			\
		     "int $0x80\n\t"					\
		     "test %%eax, %%eax\n\t"				\
		     "jnz 1f\n\t"					\
		     "mov %[nr_exit], %%eax\n\t"			\
		     "xor %%ebx, %%ebx\n\t"				\
		     "int $0x80\n"					\
		     "1: mov %[saved], %%" reg				\
		     : "=a"(pid), [saved] "=m"(g_saved)			\
		     : [sel] "m"(g_sel), "a"(NR_clone),			\
		       "b"(CLONE_SETTLS | SIGCHLD), "c"(0), "d"(0),	\
		       "S"(&g_empty), "D"(0), [nr_exit] "i"(NR_exit)	\
		     : "memory")

static void settls_child(int reg)
{
	int pid, st;

	tls_selector();
	if (reg == 0)
		SETTLS_UNDER("ds");
	else
		SETTLS_UNDER("es");
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		_exit(92);
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st));
}

/* iret_signal — i386 Linux answers a failed iret (a bad %ss) with
 * SIGILL; x86-64 Linux, running this program in compat mode, turns it
 * into a user #GP, SIGSEGV. The oracle is the i386 kernel. */
static int iret_signal(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.machine, "x86_64") ? SIGSEGV :
	       SIGILL;
}

/* ucontext offsets (i386): uc_mcontext starts at 20; in it ss is the
 * 19th word. The handler returns through rt_sigreturn with %ss null. */
#define UC_SS	(20 + 18 * 4)

static void on_usr1_bad_ss(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	*(unsigned int *)((char *)uc + UC_SS) = 3;	/* null, RPL 3 */
}

static void sigreturn_bad_ss(int unused)
{
	struct sigaction sa = { .sa_sigaction = on_usr1_bad_ss,
				.sa_flags = SA_SIGINFO };

	(void)unused;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	_exit(93);
}

static void test_segments(void)
{
	static const char *const regs[] = { "ds", "es", "fs", "gs" };
	char what[96], want[32];

	for (int r = 0; r < 4; r++) {
		snprintf(what, sizeof(what), "a TLS selector in %%%s, its slot "
			 "emptied: the program goes on", regs[r]);
		check(!strcmp(run(empty_slot_under, r), "exit 0"), what);
	}
	snprintf(want, sizeof(want), "signal %d", iret_signal());
	check(!strcmp(run(empty_slot_under, 4), want),
	      "a TLS selector in %ss, its slot emptied: the iret fails, "
	      "the program dies of Linux's signal");
	check(!strcmp(run(sigreturn_bad_ss, 0), want),
	      "rt_sigreturn to a null %ss: the iret fails, Linux's signal");
	for (int r = 0; r < 2; r++) {
		snprintf(what, sizeof(what), "clone(CLONE_SETTLS) empties the "
			 "child's slot under its %%%s: the child exits 0",
			 regs[r]);
		check(!strcmp(run(settls_child, r), "exit 0"), what);
	}
}

/* ---- int3 and into: the user-callable exception gates ---- */

static void on_trap(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	_exit(sig == SIGTRAP && si->si_code == 0x80 ? 0 : 1);
}

static void do_int3(int with_handler)
{
	struct sigaction sa = { .sa_sigaction = on_trap,
				.sa_flags = SA_SIGINFO };

	if (with_handler)
		sigaction(SIGTRAP, &sa, NULL);
	asm volatile("int3");
	_exit(2);
}

static void do_int4(int unused)
{
	(void)unused;
	asm volatile("int $4");
	_exit(2);
}

static void test_breakpoints(void)
{
	check(!strcmp(run(do_int3, 0), "signal 5"), "int3: SIGTRAP");
	check(!strcmp(run(do_int3, 1), "exit 0"),
	      "int3: the handler sees SIGTRAP with si_code SI_KERNEL");
	check(!strcmp(run(do_int4, 0), "signal 11"), "int $4 (overflow): "
	      "SIGSEGV");
}

/* ---- a handler whose frame cannot be written ---- */

static void on_signal(int sig)
{
	(void)sig;
	_exit(3);
}

/* bad_altstack — SA_ONSTACK handlers on an alternate stack that is not
 * mapped: delivering the signal must kill with SIGSEGV, not loop. */
static void bad_altstack(int sig)
{
	stack_t ss = { .ss_sp = (void *)0x1000, .ss_size = 65536 };
	struct sigaction sa = { .sa_handler = on_signal,
				.sa_flags = SA_ONSTACK };

	sigaltstack(&ss, NULL);
	sigaction(sig, &sa, NULL);
	if (sig == SIGSEGV)
		*(volatile int *)0 = 1;
	else
		raise(sig);
	_exit(4);
}

/* bad_stack_caught — the frame for SIGUSR1 cannot be written; SIGSEGV
 * follows, and its own handler (on a good alternate stack) runs. */
static void bad_stack_caught(int unused)
{
	static char good[65536];
	stack_t ss = { .ss_sp = good, .ss_size = sizeof(good) };
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_ONSTACK };
	struct sigaction usr = { .sa_handler = on_signal };

	(void)unused;
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGUSR1, &usr, NULL);
	asm volatile("mov %%esp, %%esi\n\t"
		     "mov $0x1000, %%esp\n\t"	/* no stack below here */
		     "int $0x80\n\t"		/* kill(getpid(), SIGUSR1) */
		     "mov %%esi, %%esp"
		     : : "a"(37), "b"(getpid()), "c"(SIGUSR1) : "esi", "memory");
	_exit(4);
}

static void test_bad_frames(void)
{
	check(!strcmp(run(bad_altstack, SIGSEGV), "signal 11"),
	      "SIGSEGV whose handler's stack is unusable: death by SIGSEGV");
	check(!strcmp(run(bad_altstack, SIGUSR1), "signal 11"),
	      "SIGUSR1 whose handler's stack is unusable: death by SIGSEGV");
	check(!strcmp(run(bad_stack_caught, 0), "exit 3"),
	      "... and a SIGSEGV handler on a good stack catches that");
}

/* ---- a file closed under a sleeping read ---- */

static int pipefd[2];
static volatile pid_t reader_tid;
static char got[8];
static long got_n;

static void *reader(void *arg)
{
	(void)arg;
	reader_tid = gettid();
	got_n = read(pipefd[0], got, sizeof(got));
	return NULL;
}

/* task_state — the scheduler state letter of thread tid: Linux's
 * /proc/self/task/TID/stat, clonix's /dev/tasks. */
static char task_state(pid_t tid)
{
	char path[64], buf[4096], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		p = strrchr(buf, ')');
		return p && p[1] ? p[2] : '?';
	}
	fd = open("/dev/tasks", O_RDONLY);
	n = fd < 0 ? 0 : read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	for (p = strchr(buf, '\n'); p; p = strchr(p + 1, '\n')) {
		char *end;

		if (strtol(p + 1, &end, 10) == tid) {
			strtol(end, &end, 10);	/* tgid, ppid */
			strtol(end, &end, 10);
			while (*end == ' ')
				end++;
			return *end;
		}
	}
	return '?';
}

/* blocked_reader — a thread sharing our table sleeps in read(); we close
 * the read end (and, with both, the write end), reuse the slots for new
 * pipes, and write. Linux: the read still uses its file. */
static void blocked_reader(int close_both)
{
	int again[2][2];
	pthread_t t;

	if (pipe(pipefd))
		_exit(10);
	pthread_create(&t, NULL, reader, NULL);
	while (!reader_tid || task_state(reader_tid) != 'S')
		usleep(1000);
	close(pipefd[0]);
	if (close_both)
		close(pipefd[1]);
	if (pipe(again[0]) || pipe(again[1]))
		_exit(11);
	if (!close_both && write(pipefd[1], "x", 1) != 1)
		_exit(12);
	pthread_join(t, NULL);
	if (close_both)
		_exit(got_n == 0 ? 0 : 13);
	_exit(got_n == 1 && got[0] == 'x' ? 0 : 14);
}

static void test_close_under_read(void)
{
	check(!strcmp(run(blocked_reader, 0), "exit 0"), "close(fd) under a "
	      "sibling's read(fd): the read goes on and gets the data");
	check(!strcmp(run(blocked_reader, 1), "exit 0"), "both ends closed "
	      "under a sleeping read, slots reused: the read sees EOF");
}

/* ---- argument checks ---- */

static void test_iovec(void)
{
	static char buf[16];
	struct iovec two[2] = { { buf, 0x80000000u }, { buf, 0x80000000u } };
	struct iovec huge[1] = { { buf, 0xffffffffu } };
	int p[2];

	pipe(p);
	errno = 0;
	check(writev(p[1], two, 2) == -1 && errno == EINVAL,
	      "writev: two lengths of 2 GiB: EINVAL");
	errno = 0;
	check(readv(p[0], huge, 1) == -1 && errno == EINVAL,
	      "readv: a length of 4 GiB - 1: EINVAL");
	errno = 0;
	check(writev(p[1], huge, 1) == -1 && errno == EINVAL,
	      "writev: a length of 4 GiB - 1: EINVAL");
	close(p[0]);
	close(p[1]);
}

static void test_mmap_hints(void)
{
	void *m = mmap((void *)0xfffff000, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	check(m != MAP_FAILED && m != (void *)0xfffff000,
	      "mmap: a hint beyond user space is ignored");
	if (m != MAP_FAILED)
		munmap(m, 4096);
	errno = 0;
	m = mmap((void *)0xfffff000, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(m == MAP_FAILED && errno == ENOMEM,
	      "mmap: MAP_FIXED beyond user space: ENOMEM");
}

/* setsid_taken — we lead a group with a member, then move back to our
 * parent's group: the group with our PID as its ID still exists. */
static void setsid_taken(int unused)
{
	int go[2];
	pid_t member;
	char c;

	(void)unused;
	pipe(go);
	setpgid(0, 0);
	member = fork();
	if (member == 0) {
		read(go[0], &c, 1);
		_exit(0);
	}
	if (setpgid(0, getpgid(getppid())))
		_exit(20);
	errno = 0;
	c = setsid() == -1 && errno == EPERM ? 0 : 21;
	write(go[1], "x", 1);
	waitpid(member, NULL, 0);
	_exit(c);
}

static const char *self;

/* setpgid_after_exec — a child that has exec'd (it says so through a
 * pipe, then waits on another) may no longer be moved: EACCES. */
static void setpgid_after_exec(int unused)
{
	int up[2], down[2];
	char c;
	pid_t pid;

	(void)unused;
	pipe(up);
	pipe(down);
	pid = fork();
	if (pid == 0) {
		dup2(down[0], 0);
		dup2(up[1], 1);
		execl(self, self, "--wait", (char *)NULL);
		_exit(30);
	}
	if (read(up[0], &c, 1) != 1)
		_exit(31);
	errno = 0;
	c = setpgid(pid, pid) == -1 && errno == EACCES ? 0 : 32;
	write(down[1], "x", 1);
	waitpid(pid, NULL, 0);
	_exit(c);
}

static void *idle_thread(void *arg)
{
	*(volatile pid_t *)arg = gettid();
	pause();
	return NULL;
}

static void test_setsid(void)
{
	volatile pid_t tid = 0;
	pthread_t t;

	check(!strcmp(run(setsid_taken, 0), "exit 0"), "setsid: EPERM while "
	      "a group has our PID as its ID, though we left it");
	check(!strcmp(run(setpgid_after_exec, 0), "exit 0"), "setpgid: EACCES "
	      "for a child that has exec'd");
	pthread_create(&t, NULL, idle_thread, (void *)&tid);
	while (!tid)
		sched_yield();
	errno = 0;
	check(setpgid(tid, 0) == -1 && errno == EINVAL,
	      "setpgid: EINVAL for a thread that does not lead its group");
	errno = 0;
	check(setpgid(99999, 0) == -1 && errno == ESRCH,
	      "setpgid: ESRCH for no such process");
}

static const struct {
	const char *name;
	void (*fn)(void);
} sections[] = {
	{ "segments", test_segments }, { "breakpoints", test_breakpoints },
	{ "frames", test_bad_frames }, { "close", test_close_under_read },
	{ "iovec", test_iovec }, { "mmap", test_mmap_hints },
	{ "setsid", test_setsid },
};

/* t_hostile [section]: all of them, or the one named */
int main(int argc, char **argv)
{
	char c;

	if (argc == 2 && !strcmp(argv[1], "--wait")) {	/* setpgid_after_exec */
		write(1, "x", 1);
		return read(0, &c, 1) == 1 ? 0 : 1;
	}
	self = argv[0];
	for (unsigned i = 0; i < sizeof(sections) / sizeof(*sections); i++)
		if (argc < 2 || !strcmp(argv[1], sections[i].name))
			sections[i].fn();
	printf("t_hostile: %d failed\n", failures);
	return failures != 0;
}
