/* kernel/cpu/fpu.c — the x87 and SSE registers of user programs. Linux
 * arch/x86/kernel/fpu/ (core.c, signal.c, regset.c's conversions); Intel
 * SDM vol. 1 ch. 8, 10 and 11.
 *
 * The kernel never uses these registers (it is built -mno-sse
 * -mno-80387), so while a task runs in the kernel the live registers are
 * its own user state. Each task has a 512-byte FXSAVE area, written and
 * read at every switch ("eager" switching: simpler than Linux's old lazy
 * scheme, which trapped the first use after a switch). fork copies the
 * live registers, exec and a signal handler start from init_fpstate, and
 * a signal frame carries the interrupted state for sigreturn. */
#include "fpu.h"
#include "mmu.h"
#include "trap.h"
#include "x86.h"
#include "../lib/printk.h"
#include "../lib/panic.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../task/signal.h"
#include <asm/errno.h>

#define CPUID_FXSR	(1u << 24)	/* CPUID.1:EDX */
#define CPUID_SSE	(1u << 25)

/* Linux's i386 struct _fpstate as a signal frame carries it on a CPU with
 * FXSR: the x87 state in FNSAVE's layout first (for programs written
 * before SSE), magic 0 to say the FXSAVE image follows, then that image,
 * whose 224 spare bytes end in Linux's software-reserved words (zero: no
 * XSAVE state follows). 624 bytes; the image is 64-byte aligned. */
struct fpstate_frame {
	u32 cw, sw, tag, ipoff, cssel, dataoff, datasel;
	u8 st[8][10];
	u16 status, magic;
	struct fxregs_state fx;
};
#define FXSR_MAGIC	0x0000

static struct fxregs_state init_fpstate;	/* after FNINIT, MXCSR default */
static u32 mxcsr_mask;				/* the MXCSR bits the CPU has */

/* fpu_cpu_init — this CPU's control bits (every CPU, at its start). */
void fpu_cpu_init(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & CPUID_FXSR))
		panic("fpu: the CPU has no FXSAVE (clonix needs a Pentium II)");
	write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE);
	write_cr4(read_cr4() | CR4_OSFXSR | (d & CPUID_SSE ? CR4_OSXMMEXCPT : 0));
}

/* fpu_init — at boot: FXSAVE/FXRSTOR and SSE on (CR4.OSFXSR, and SIMD
 * errors as #XM with CR4.OSXMMEXCPT), x87 errors native (CR0.NE), and the
 * state every program starts from. */
void fpu_init(void)
{
	fpu_cpu_init();
	asm volatile("fninit");
	fxsave(&init_fpstate);
	/* a zero mask means the CPU predates the field: DAZ is missing */
	mxcsr_mask = init_fpstate.mxcsr_mask ? init_fpstate.mxcsr_mask : 0xffbf;
	memset(&init_fpstate, 0, sizeof(init_fpstate));
	init_fpstate.cwd = FCW_DEFAULT;
	init_fpstate.mxcsr = MXCSR_DEFAULT;
	fxrstor(&init_fpstate);
	current->fpu = init_fpstate;	/* the idle task's, copied by fork */
}

/* fpu_switch — schedule(): park prev's registers, load next's. */
void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	fxsave(&prev->fpu);
	fxrstor(&next->fpu);
}

/* fpu_copy — fork: the child starts with the caller's live registers. */
void fpu_copy(struct task_struct *to)
{
	fxsave(&to->fpu);
}

/* fpu_reset — exec, and entry to a signal handler: a clean FPU (Linux
 * fpu__clear_user_states): empty x87 stack, MXCSR 0x1f80, XMM zero. */
void fpu_reset(void)
{
	fxrstor(&init_fpstate);
}

/* --- signal frames ------------------------------------------------- */

/* tag_of — the full x87 tag (FNSAVE's 2 bits) of a register FXSAVE marks
 * in use, from its contents: 0 valid, 1 zero, 2 special (SDM 8.1.7). */
static u32 tag_of(const u8 *reg)
{
	u16 exp = (reg[9] << 8 | reg[8]) & 0x7fff;
	u32 lo = 0;

	for (int i = 0; i < 8; i++)
		lo |= reg[i];
	if (exp == 0x7fff)
		return 2;
	if (exp == 0)
		return lo ? 2 : 1;
	return reg[7] & 0x80 ? 0 : 2;	/* the integer bit must be set */
}

/* fx_to_fnsave — the FNSAVE-layout header from an FXSAVE image. The tag
 * word is per physical register; ST(i) is physical (top + i) mod 8. */
static void fx_to_fnsave(struct fpstate_frame *f, const struct fxregs_state *fx)
{
	u32 top = (fx->swd >> 11) & 7, tag = 0xffff0000u;

	for (u32 phys = 0; phys < 8; phys++) {
		u32 t = fx->twd & (1u << phys) ?
			tag_of(fx->st_space[(phys - top) & 7]) : 3;
		tag |= t << (2 * phys);
	}
	f->cw = fx->cwd | 0xffff0000u;
	f->sw = fx->swd | 0xffff0000u;
	f->tag = tag;
	f->ipoff = fx->fip;
	f->cssel = (fx->fcs & 0xffff) | ((u32)fx->fop << 16);
	f->dataoff = fx->foo;
	f->datasel = fx->fos | 0xffff0000u;
	for (int i = 0; i < 8; i++)
		memcpy(f->st[i], fx->st_space[i], 10);
	f->status = fx->swd;
	f->magic = FXSR_MAGIC;
}

/* fnsave_to_fx — the other way, as sigreturn reads a frame: the x87 part
 * comes from the FNSAVE-layout header, which a handler may have edited. */
static void fnsave_to_fx(struct fxregs_state *fx, const struct fpstate_frame *f)
{
	fx->cwd = f->cw;
	fx->swd = f->sw;
	fx->twd = 0;
	for (int phys = 0; phys < 8; phys++)
		if (((f->tag >> (2 * phys)) & 3) != 3)
			fx->twd |= 1u << phys;
	fx->fop = f->cssel >> 16;
	fx->fip = f->ipoff;
	fx->fcs = f->cssel & 0xffff;
	fx->foo = f->dataoff;
	fx->fos = f->datasel;
	for (int i = 0; i < 8; i++)
		memcpy(fx->st_space[i], f->st[i], 10);
}

/* fpu_frame_at — where the FPU frame goes below sp: the FXSAVE image
 * 64-byte aligned (Linux fpu__alloc_mathframe), its header just below. */
u32 fpu_frame_at(u32 sp)
{
	return ((sp - sizeof(struct fxregs_state)) & ~63u) -
	       offsetof(struct fpstate_frame, fx);
}

/* fpu_to_sigframe — a handler is about to run: the interrupted registers
 * go to the user's frame at `at`, and the handler gets a clean FPU. The
 * task's own area is the scratch copy: a switch while copy_to_user sleeps
 * saves the same live registers there again. */
int fpu_to_sigframe(u32 at)
{
	struct fpstate_frame *f = (void *)at;
	struct fpstate_frame hdr;

	fxsave(&current->fpu);
	memset(current->fpu.padding, 0, sizeof(current->fpu.padding));
	fx_to_fnsave(&hdr, &current->fpu);
	if (copy_to_user(f, &hdr, offsetof(struct fpstate_frame, fx)) ||
	    copy_to_user(&f->fx, &current->fpu, sizeof(f->fx)))
		return -EFAULT;
	fpu_reset();
	return 0;
}

/* fpu_from_sigframe — sigreturn: load the registers the frame at `at`
 * holds (0: the handler dropped them, start clean). MXCSR bits the CPU
 * lacks are cleared, or FXRSTOR would fault (Linux does the same). */
int fpu_from_sigframe(u32 at)
{
	/* FXRSTOR needs 16-byte alignment, which a kernel stack frame is not
	 * promised; the task's own area cannot be used either: a switch while
	 * copy_from_user sleeps would save the live registers over it */
	u8 raw[sizeof(struct fpstate_frame) + 15];
	struct fpstate_frame *f = (void *)ALIGN_UP((u32)raw, 16u);

	if (!at) {
		fpu_reset();
		return 0;
	}
	if (copy_from_user(f, (void *)at, sizeof(*f)))
		return -EFAULT;
	fnsave_to_fx(&f->fx, f);
	f->fx.mxcsr &= mxcsr_mask;
	fxrstor(&f->fx);
	return 0;
}

/* --- #MF and #XM ------------------------------------------------------ */

/* fpu_exception_code — SIGFPE's si_code for the unmasked exception that
 * fired (Linux fpu__exception_code); 0 for none, a spurious trap. The
 * low six bits of the x87 status word and of MXCSR are the same flags,
 * and so are those of the control word and MXCSR >> 7: the masks. */
int fpu_exception_code(u32 flags, u32 masks)
{
	u32 err = flags & ~masks;

	if (err & 0x01)
		return FPE_FLTINV;
	if (err & 0x04)
		return FPE_FLTDIV;
	if (err & 0x08)
		return FPE_FLTOVF;
	if (err & 0x12)
		return FPE_FLTUND;	/* underflow, or a denormal operand */
	if (err & 0x20)
		return FPE_FLTRES;
	return 0;
}

/* math_error — an x87 (#MF) or SIMD (#XM) error in user mode: SIGFPE
 * with the code of the exception that the program left unmasked. The
 * status bits stay set, as on Linux: the handler decides. */
void math_error(struct pt_regs *regs)
{
	int code;

	fxsave(&current->fpu);
	if (regs->trapno == X86_TRAP_MF)
		code = fpu_exception_code(current->fpu.swd, current->fpu.cwd);
	else
		code = fpu_exception_code(current->fpu.mxcsr,
					  current->fpu.mxcsr >> 7);
	if (code)
		force_sig_fault(SIGFPE, code, regs->ip);
}
