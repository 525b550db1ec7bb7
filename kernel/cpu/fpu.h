/* kernel/cpu/fpu.h — each task's x87 and SSE registers. Linux
 * arch/x86/include/asm/fpu/types.h (struct fxregs_state); Intel SDM vol. 1
 * 10.5 "FXSAVE and FXRSTOR". */
#ifndef CLONIX_FPU_H
#define CLONIX_FPU_H

#include "ptrace.h"
#include "../lib/kernel.h"

#define MXCSR_DEFAULT	0x1f80	/* all SIMD exceptions masked, round to
				   nearest (what exec and a handler start with) */
#define FCW_DEFAULT	0x037f	/* the x87 control word after FNINIT */

/* The image FXSAVE writes: the x87 environment, then ST0-7 (16 bytes
 * each, 10 used), XMM0-7, and 224 bytes the CPU leaves alone. */
struct fxregs_state {
	u16 cwd, swd, twd, fop;	/* twd: one "not empty" bit per register */
	u32 fip, fcs, foo, fos;
	u32 mxcsr, mxcsr_mask;
	u8 st_space[8][16];
	u8 xmm_space[8][16];
	u32 padding[56];
} __aligned(16);

struct task_struct;

void fpu_init(void);
void fpu_cpu_init(void);
void fpu_switch(struct task_struct *prev, struct task_struct *next);
void fpu_copy(struct task_struct *to);
void fpu_reset(void);
u32 fpu_frame_at(u32 sp);
int fpu_to_sigframe(u32 at);
int fpu_from_sigframe(u32 at);
void math_error(struct pt_regs *regs);
int fpu_exception_code(u32 flags, u32 masks);

#endif
