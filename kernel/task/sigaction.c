/* kernel/task/sigaction.c — rt_sigaction: the table of dispositions that
 * CLONE_SIGHAND shares; Linux kernel/signal.c (do_sigaction,
 * flush_signal_handlers). The table is shared or copied as clone says;
 * kernel/cpu/signal_frame.c runs the handlers it names. */
#include "signal.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

long sys_rt_sigaction(int sig, const struct k_sigaction *act,
		      struct k_sigaction *oact, u32 sigsetsize)
{
	struct k_sigaction *k, new;

	if (sigsetsize != sizeof(u64) || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	k = &current->sighand->action[sig - 1];
	if (oact && copy_to_user(oact, k, sizeof(*k)))
		return -EFAULT;
	if (act) {
		new.mask &= ~((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)));
		*k = new;
	}
	return 0;
}

/* flush_signal_handlers — exec: handled signals go back to SIG_DFL,
 * ignored ones stay ignored (spec §4.5.4). */
void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *k = &t->sighand->action[i];

		if (k->handler != SIG_IGN)
			k->handler = SIG_DFL;
		k->flags = 0;
		k->restorer = 0;
		k->mask = 0;
	}
}
