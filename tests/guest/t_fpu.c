/* tests/guest/t_fpu.c — the x87 and SSE registers are each task's own
 * (kernel/cpu/fpu.c), compared with Linux: kept across task switches,
 * copied by fork, reset by exec and for a signal handler, carried in the
 * signal frame in Linux's struct _fpstate layout (a handler may change
 * what sigreturn loads), and x87 errors delivered as SIGFPE with the code
 * of the exception. (An unmasked SSE error would be #XM and SIGFPE the
 * same way, but QEMU 7.2's emulated CPU only sets the MXCSR flag: the
 * kernel self-test group "fpu" checks that decoding instead.)
 * try: /tests/t_fpu */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

/* Built for i686 without -msse: the compiler itself never uses the XMM
 * registers, so the asm blocks below need not declare them clobbered. */

static unsigned int get_mxcsr(void)
{
	unsigned int v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned int v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

static unsigned short get_fcw(void)
{
	unsigned short v;

	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

/* set_xmm / get_xmm — XMM0..7 from / to 8 x 4 words */
static void set_xmm(const unsigned int v[8][4])
{
	__asm__ volatile("movdqu 0(%0), %%xmm0\n\tmovdqu 16(%0), %%xmm1\n\t"
			 "movdqu 32(%0), %%xmm2\n\tmovdqu 48(%0), %%xmm3\n\t"
			 "movdqu 64(%0), %%xmm4\n\tmovdqu 80(%0), %%xmm5\n\t"
			 "movdqu 96(%0), %%xmm6\n\tmovdqu 112(%0), %%xmm7"
			 : : "r"(v) : "memory");
}

static void get_xmm(unsigned int v[8][4])
{
	__asm__ volatile("movdqu %%xmm0, 0(%0)\n\tmovdqu %%xmm1, 16(%0)\n\t"
			 "movdqu %%xmm2, 32(%0)\n\tmovdqu %%xmm3, 48(%0)\n\t"
			 "movdqu %%xmm4, 64(%0)\n\tmovdqu %%xmm5, 80(%0)\n\t"
			 "movdqu %%xmm6, 96(%0)\n\tmovdqu %%xmm7, 112(%0)"
			 : : "r"(v) : "memory");
}

static void pattern(unsigned int v[8][4], unsigned int seed)
{
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++)
			v[i][j] = seed * 0x01010101u + i * 16 + j;
}

/* raw_syscall0 — a call with no library code around it: glibc's own
 * functions may use XMM registers (its string functions do), and
 * nothing may run between setting the registers and reading them. */
static long raw_syscall0(long nr)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr) : "memory");
	return r;
}

/* xmm_survives — set the registers, give the CPU away many times. */
static int xmm_survives(unsigned int seed, int rounds)
{
	unsigned int want[8][4], got[8][4];

	pattern(want, seed);
	set_xmm(want);
	for (int i = 0; i < rounds; i++)
		raw_syscall0(158);	/* sched_yield */
	get_xmm(got);
	return !memcmp(want, got, sizeof(want));
}

static void test_switches(void)
{
	int st[2], ok = 1;
	pid_t pid[2];

	for (int c = 0; c < 2; c++) {
		pid[c] = fork();
		if (pid[c] == 0)
			_exit(xmm_survives(0x10 + c, 2000) ? 0 : 1);
	}
	ok = xmm_survives(0x30, 2000);
	for (int c = 0; c < 2; c++)
		waitpid(pid[c], &st[c], 0);
	check(ok && WIFEXITED(st[0]) && !WEXITSTATUS(st[0]) && WIFEXITED(st[1]) &&
	      !WEXITSTATUS(st[1]),
	      "three processes' XMM registers survive thousands of switches");
}

static void test_fork(void)
{
	unsigned int want[8][4], got[8][4];
	int st;

	pattern(want, 0x55);
	set_mxcsr(0x3f80);		/* rounding down */
	set_xmm(want);
	if (raw_syscall0(2) == 0) {	/* fork */
		get_xmm(got);
		_exit(!memcmp(want, got, sizeof(got)) && get_mxcsr() == 0x3f80 ?
		      0 : 1);
	}
	wait(&st);
	set_mxcsr(0x1f80);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "fork: the child starts with the parent's XMM and MXCSR");
}

static void test_exec(const char *self)
{
	int st;

	if (fork() == 0) {
		set_mxcsr(0x3f80);
		__asm__ volatile("fldcw %0" : : "m"((unsigned short){ 0x27f }));
		execl(self, self, "exec-check", (char *)NULL);
		_exit(99);
	}
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "exec: MXCSR 0x1f80 and x87 control word 0x37f again");
}

/* --- signal handlers ------------------------------------------------ */

static volatile unsigned int in_mxcsr, in_fcw, frame_magic, frame_tag;
static const unsigned int new_xmm1[4] = { 0xdead0001, 0xdead0002, 0xdead0003,
					  0xdead0004 };

/* The i386 ucontext: flags, link, stack_t (12 bytes), then the
 * sigcontext, whose 20th word is the address of the FPU state. */
static unsigned char *fpstate_of(void *uc)
{
	return (unsigned char *)((unsigned int *)((char *)uc + 20))[19];
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	unsigned char *fp = fpstate_of(uc);
	unsigned int junk[8][4];

	(void)sig;
	(void)si;
	in_mxcsr = get_mxcsr();
	in_fcw = get_fcw();
	frame_magic = fp ? *(unsigned short *)(fp + 110) : 0xbad;
	frame_tag = fp ? *(unsigned int *)(fp + 8) & 0xffff : 0xbad;
	pattern(junk, 0x77);
	set_xmm(junk);			/* clobbered: sigreturn restores */
	set_mxcsr(0x7f80);
	if (fp)		/* struct _fpstate: FXSAVE image at 112, XMM1 at +176 */
		memcpy(fp + 112 + 160 + 16, new_xmm1, 16);
}

static void test_signal_frame(void)
{
	struct sigaction sa;
	unsigned int want[8][4], got[8][4];
	unsigned int saved_mxcsr;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	pattern(want, 0x66);
	set_mxcsr(0x5f80);		/* rounding up */
	set_xmm(want);
	pid_t me = getpid();
	float st0 = -1, st1 = -1;

	/* two x87 registers in use across the signal: 0.0 on top, then 1.0 */
	__asm__ volatile("fld1\n\tfldz\n\tint $0x80\n\tfstps %0\n\tfstps %1"
			 : "=m"(st0), "=m"(st1) : "a"(37), "b"(me), "c"(SIGUSR1)
			 : "memory");	/* kill(me, SIGUSR1) */
	get_xmm(got);
	saved_mxcsr = get_mxcsr();
	set_mxcsr(0x1f80);
	check(in_mxcsr == 0x1f80 && in_fcw == 0x37f,
	      "a handler starts with a clean FPU (MXCSR 0x1f80, FCW 0x37f)");
	check(frame_magic == 0, "the frame's _fpstate says FXSR state follows");
	printf("x87 tag word in the frame: %04x\n", frame_tag);
	check(st0 == 0.0f && st1 == 1.0f, "sigreturn restores the x87 stack");
	check(saved_mxcsr == 0x5f80, "sigreturn restores MXCSR");
	memcpy(want[1], new_xmm1, 16);
	check(!memcmp(want, got, sizeof(got)),
	      "sigreturn restores XMM0-7, with the handler's edit of XMM1");
	signal(SIGUSR1, SIG_DFL);
}

/* --- floating-point exceptions ----------------------------------------- */

static void on_fpe(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	_exit(si->si_code);
}

static int fpe_child(void)
{
	struct sigaction sa;
	static float zero = 0.0f, one = 1.0f;
	int st;

	if (fork() == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_fpe;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGFPE, &sa, NULL);
		__asm__ volatile("fldcw %0" : : "m"((unsigned short){ 0x37b }));
		__asm__ volatile("flds %0\n\tfdivs %1\n\tfwait\n\tfstp %%st(0)"
				 : : "m"(one), "m"(zero));
		_exit(100);
	}
	wait(&st);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_exceptions(void)
{
	static float zero = 0.0f, one = 1.0f;
	float r;

	__asm__ volatile("movss %1, %%xmm0\n\tdivss %2, %%xmm0\n\tmovss %%xmm0, %0"
			 : "=m"(r) : "m"(one), "m"(zero));
	check(r > 1e38f && (get_mxcsr() & 4), "masked: 1/0 is +inf, ZE flag set");
	set_mxcsr(0x1f80);
	check(fpe_child() == 3, "x87 divide by zero unmasked: SIGFPE, FPE_FLTDIV");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-check"))
		return get_mxcsr() == 0x1f80 && get_fcw() == 0x37f ? 0 : 1;
	setvbuf(stdout, NULL, _IONBF, 0);
	test_switches();
	test_fork();
	test_exec(argv[0]);
	test_signal_frame();
	test_exceptions();
	printf("t_fpu: %d failed\n", failures);
	return failures != 0;
}
