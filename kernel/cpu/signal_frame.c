/* kernel/cpu/signal_frame.c — running a signal handler in user mode and
 * coming back; Linux arch/x86/kernel/signal.c (ia32 frames, do_signal,
 * sigreturn); ULK 11.3.3. The frame, pushed on the user stack:
 *
 *	sigframe (no SA_SIGINFO):	rt_sigframe (SA_SIGINFO):
 *	  pretcode  → restorer		  pretcode  → restorer
 *	  sig				  sig, pinfo, puc
 *	  struct sigcontext sc		  siginfo_t info
 *	  extramask (high 32 bits)	  struct ucontext uc (sigcontext, mask)
 *	  retcode[8]			  retcode[8]
 *
 * The handler returns into the restorer (libc's, with SA_RESTORER) or
 * the retcode, which calls sigreturn / rt_sigreturn to restore the
 * registers and the mask. An SA_ONSTACK handler gets its frame on the
 * alternate stack (sigaltstack), if one is set and not already in use. */
#include "fpu.h"
#include "ptrace.h"
#include "segment.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/unistd_32.h>

struct sigcontext {
	u32 gs, fs, es, ds, di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip, cs, flags, sp_at_signal, ss;
	u32 fpstate, oldmask, cr2;
};

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048

typedef struct sigaltstack {
	u32 ss_sp;
	int ss_flags;
	u32 ss_size;
} stack_t;

struct ucontext {
	u32 uc_flags, uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
};

struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext sc;
	u32 extramask;
	u8 retcode[8];
};

struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo, puc;
	siginfo_t info;
	struct ucontext uc;
	u8 retcode[8];
};

/* popl %eax; movl $119,%eax; int $0x80 — and movl $173,%eax; int $0x80 */
static const u8 retcode_sigreturn[8] = { 0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80 };
static const u8 retcode_rt[8] = { 0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0 };

static void save_sc(struct sigcontext *sc, const struct pt_regs *r, u64 mask,
		    u32 fp)
{
	*sc = (struct sigcontext){
		r->gs, r->fs, r->es, r->ds, r->di, r->si, r->bp, r->sp, r->bx,
		r->dx, r->cx, r->ax, r->trapno, r->err, r->ip, r->cs, r->flags,
		r->sp, r->ss, fp, (u32)mask, 0,
	};
}

#define FIX_EFLAGS	0x50DD5u	/* AC RF OF DF TF SF ZF AF PF CF */

/* restore_sc — Linux's i386 restore_sigcontext: the data segments as
 * the handler left them, %cs and %ss forced to privilege level 3, no IOPL
 * or other privileged flags. A selector that names no usable segment is
 * the exit path's business (entry.asm): a null data segment, or SIGILL
 * for a %cs or %ss the iret refuses. */
static void restore_sc(struct pt_regs *r, const struct sigcontext *sc)
{
	current->restart_block.fn = NULL;	/* a handler ran: no going on */
	r->gs = sc->gs & 0xFFFF;
	r->fs = sc->fs & 0xFFFF;
	r->es = sc->es & 0xFFFF;
	r->ds = sc->ds & 0xFFFF;
	r->cs = (sc->cs & 0xFFFF) | 3;
	r->ss = (sc->ss & 0xFFFF) | 3;
	r->di = sc->di;
	r->si = sc->si;
	r->bp = sc->bp;
	r->sp = sc->sp;
	r->bx = sc->bx;
	r->dx = sc->dx;
	r->cx = sc->cx;
	r->ax = sc->ax;
	r->ip = sc->ip;
	r->flags = (r->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	r->orig_ax = -1;	/* no syscall restart after sigreturn */
}

/* --- the alternate signal stack (sigaltstack(2)) ------------------- */

static bool on_sig_stack(u32 sp)
{
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* altstack_of — the settings as sigaltstack reports them at this sp. */
static stack_t altstack_of(u32 sp)
{
	return (stack_t){ current->sas_ss_sp, !current->sas_ss_size ?
			  SS_DISABLE : on_sig_stack(sp) ? SS_ONSTACK : 0,
			  current->sas_ss_size };
}

/* set_altstack — Linux do_sigaltstack's checks, in its order. */
static int set_altstack(const stack_t *ss, u32 sp)
{
	if (on_sig_stack(sp))
		return -EPERM;		/* not while running on it */
	if (ss->ss_flags != 0 && ss->ss_flags != SS_ONSTACK &&
	    ss->ss_flags != SS_DISABLE)
		return -EINVAL;
	if (ss->ss_flags == SS_DISABLE) {
		current->sas_ss_sp = current->sas_ss_size = 0;
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	current->sas_ss_sp = ss->ss_sp;
	current->sas_ss_size = ss->ss_size;
	return 0;
}

long sys_sigaltstack(const stack_t *uss, stack_t *uoss)
{
	u32 sp = task_pt_regs(current)->sp;
	stack_t old = altstack_of(sp), ss;
	int err;

	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if ((err = set_altstack(&ss, sp)))
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* frame_sp — below the interrupted stack, or at the top of the alternate
 * one for an SA_ONSTACK handler not already on it: first the FPU state
 * (its address in *fp), then the frame, aligned so that the handler starts
 * as after a call from a 16-byte aligned site (Linux get_sigframe). */
static u32 frame_sp(const struct pt_regs *r, const struct k_sigaction *ka,
		    u32 size, u32 *fp)
{
	u32 sp = r->sp;

	if ((ka->flags & SA_ONSTACK) && current->sas_ss_size &&
	    !on_sig_stack(sp))
		sp = current->sas_ss_sp + current->sas_ss_size;
	*fp = fpu_frame_at(sp);
	return ((*fp - size) & ~15u) - 4;
}

/* handler_segments — a handler runs on the user's own flat segments,
 * whatever the program had loaded (Linux setup_frame); %fs and %gs,
 * which hold thread-local storage, are kept. */
static void handler_segments(struct pt_regs *r)
{
	r->ds = r->es = r->ss = __USER_DS;
	r->cs = __USER_CS;
}

static int setup_frame(int sig, const struct k_sigaction *ka, u64 mask,
		       struct pt_regs *r)
{
	u32 fp, at = frame_sp(r, ka, sizeof(struct sigframe), &fp);
	struct sigframe f = { .sig = sig, .extramask = (u32)(mask >> 32) };

	save_sc(&f.sc, r, mask, fp);
	memcpy(f.retcode, retcode_sigreturn, sizeof(f.retcode));
	f.pretcode = ka->flags & SA_RESTORER ? ka->restorer :
		     at + offsetof(struct sigframe, retcode);
	if (copy_to_user((void *)at, &f, sizeof(f)) || fpu_to_sigframe(fp))
		return -EFAULT;
	r->sp = at;
	r->ax = sig;
	r->dx = r->cx = 0;
	handler_segments(r);
	return 0;
}

static int setup_rt_frame(int sig, const struct k_sigaction *ka,
			  siginfo_t *info, u64 mask, struct pt_regs *r)
{
	u32 fp, at = frame_sp(r, ka, sizeof(struct rt_sigframe), &fp);
	struct rt_sigframe f = { .sig = sig, .info = *info };

	f.pinfo = at + offsetof(struct rt_sigframe, info);
	f.puc = at + offsetof(struct rt_sigframe, uc);
	save_sc(&f.uc.uc_mcontext, r, mask, fp);
	f.uc.uc_sigmask = mask;
	f.uc.uc_stack = altstack_of(r->sp);
	memcpy(f.retcode, retcode_rt, sizeof(f.retcode));
	f.pretcode = ka->flags & SA_RESTORER ? ka->restorer :
		     at + offsetof(struct rt_sigframe, retcode);
	if (copy_to_user((void *)at, &f, sizeof(f)) || fpu_to_sigframe(fp))
		return -EFAULT;
	r->sp = at;
	r->ax = sig;
	r->dx = f.pinfo;
	r->cx = f.puc;
	handler_segments(r);
	return 0;
}

/* syscall_restart — an interrupted system call: restart it or report
 * EINTR, as Linux decides (handler: whether a handler is about to run). */
static void syscall_restart(struct pt_regs *r, const struct k_sigaction *ka,
			    bool handler)
{
	bool restart;

	if ((s32)r->orig_ax < 0)
		return;
	switch ((long)r->ax) {
	case -ERESTARTNOHAND:
		restart = !handler;
		break;
	case -ERESTARTSYS:
		restart = !handler || (ka->flags & SA_RESTART);
		break;
	case -ERESTARTNOINTR:
		restart = true;
		break;
	case -ERESTART_RESTARTBLOCK:	/* go on through restart_syscall */
		if (handler) {
			r->ax = -EINTR;
		} else {
			r->ax = __NR_restart_syscall;
			r->ip -= 2;
		}
		return;
	default:
		return;
	}
	if (restart) {
		r->ax = r->orig_ax;
		r->ip -= 2;		/* back onto "int $0x80" */
	} else {
		r->ax = -EINTR;
	}
}

/* handle_signal — build the frame and enter the handler with its mask;
 * false when the frame could not be written (then SIGSEGV is pending). */
static bool handle_signal(int sig, siginfo_t *info, struct pt_regs *r)
{
	struct k_sigaction *ka = &current->sighand->action[sig - 1];
	u64 mask = current->restore_sigmask ? current->saved_sigmask :
		   current->blocked;
	int err;

	syscall_restart(r, ka, true);
	err = ka->flags & SA_SIGINFO ? setup_rt_frame(sig, ka, info, mask, r) :
	      setup_frame(sig, ka, mask, r);
	if (err) {
		force_sigsegv(sig);
		return false;
	}
	current->restore_sigmask = false;
	r->ip = ka->handler;
	r->flags &= ~0x100u;	/* no single-step into the handler */
	current->blocked |= ka->mask & ~SIG_KERNEL_ONLY;
	if (!(ka->flags & SA_NODEFER))
		current->blocked |= sigmask(sig);
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
	return true;
}

/* do_signal — on the way back to user mode: deliver one pending signal
 * (a handler), or act on the default (ignore, or end the group). */
void do_signal(struct pt_regs *r)
{
	siginfo_t info;
	int sig;

	if (current->signal->flags & SIGNAL_STOP_STOPPED)
		do_signal_stop(current->signal->stop_sig);	/* a sibling's */
	notify_continued();
	while ((sig = dequeue_signal(current, &info))) {
		struct k_sigaction *ka = &current->sighand->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			if (handle_signal(sig, &info, r))
				return;
			continue;	/* the SIGSEGV it queued comes next */
		}
		if (sig_default_ignored(sig))
			continue;
		if (sig_stop(sig)) {
			do_signal_stop(sig);
			continue;
		}
		do_group_exit(sig | (sig_kernel_coredump(sig) ? __WCOREFLAG : 0));
	}
	syscall_restart(r, NULL, false);
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		current->blocked = current->saved_sigmask;
	}
}

long sys_sigreturn(void)
{
	struct pt_regs *r = task_pt_regs(current);
	struct sigframe f;

	/* the handler's "ret" popped pretcode and retcode popped sig */
	if (copy_from_user(&f.sc, (void *)(r->sp), sizeof(f.sc) + 4)) {
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return 0;
	}
	current->blocked = (f.sc.oldmask | ((u64)f.extramask << 32)) &
			   ~SIG_KERNEL_ONLY;
	restore_sc(r, &f.sc);
	if (fpu_from_sigframe(f.sc.fpstate))
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);	/* Linux badframe */
	return r->ax;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *r = task_pt_regs(current);
	struct rt_sigframe f;
	u32 base = r->sp - 4;	/* the handler's "ret" popped pretcode */

	if (copy_from_user(&f, (void *)base, sizeof(f))) {
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return 0;
	}
	current->blocked = f.uc.uc_sigmask & ~SIG_KERNEL_ONLY;
	restore_sc(r, &f.uc.uc_mcontext);
	if (fpu_from_sigframe(f.uc.uc_mcontext.fpstate))
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);	/* Linux badframe */
	set_altstack(&f.uc.uc_stack, r->sp);	/* errors squashed, as Linux */
	return r->ax;
}
