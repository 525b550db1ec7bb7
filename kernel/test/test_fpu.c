/* kernel/test/test_fpu.c — self-tests of the SIGFPE codes math_error
 * gives. QEMU's emulated CPU raises #MF for the x87 (t_fpu checks it from
 * user space) but never #XM for SSE, so the decoding is checked here. */
#include "selftest.h"
#include "../cpu/fpu.h"
#include <asm/siginfo.h>

#define MXCSR_MASKS	0x1f80

static int xm_code(u32 mxcsr)
{
	return fpu_exception_code(mxcsr, mxcsr >> 7);
}

void test_fpu(void)
{
	check(xm_code(MXCSR_DEFAULT | 0x04) == 0,
	      "fpu: a flag whose exception is masked is no error");
	check(xm_code((MXCSR_MASKS & ~0x200) | 0x04) == FPE_FLTDIV,
	      "fpu: divide by zero unmasked and raised is FPE_FLTDIV");
	check(xm_code((MXCSR_MASKS & ~0x80) | 0x01 | 0x04) == FPE_FLTINV,
	      "fpu: invalid operation comes first");
	check(xm_code((MXCSR_MASKS & ~0x400) | 0x08) == FPE_FLTOVF,
	      "fpu: overflow is FPE_FLTOVF");
	check(xm_code((MXCSR_MASKS & ~0x100) | 0x02) == FPE_FLTUND,
	      "fpu: a denormal operand counts as underflow, as on Linux");
	check(xm_code((MXCSR_MASKS & ~0x1000) | 0x20) == FPE_FLTRES,
	      "fpu: precision is FPE_FLTRES");
	check(fpu_exception_code(0x04, FCW_DEFAULT & ~0x04) == FPE_FLTDIV,
	      "fpu: the x87 status and control words decode the same way");
}
