/* kernel/task/signal.c — the shared signal structures and group exit;
 * Linux kernel/fork.c (copy_sighand, copy_signal helpers),
 * kernel/exit.c (do_group_exit) and kernel/signal.c (zap_other_threads).
 * A thread that another thread kills (exit_group, execve) is marked
 * sigkill and woken; it dies at its next killable sleep or on its way
 * back to user mode, with the group's exit code. */
#include "signal.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"

static unsigned int object_ids;

/* next_object_id — numbers for the sharing view (/dev/tasks). */
unsigned int next_object_id(void)
{
	return ++object_ids;
}

struct sighand_struct *alloc_sighand(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh));

	if (sh) {
		sh->count = 1;
		sh->id = next_object_id();
	}
	return sh;
}

/* copy_sighand_struct — fork's private copy of the dispositions. */
struct sighand_struct *copy_sighand_struct(struct sighand_struct *old)
{
	struct sighand_struct *sh = alloc_sighand();

	if (sh && old)
		memcpy(sh->action, old->action, sizeof(sh->action));
	return sh;
}

void put_sighand(struct sighand_struct *sh)
{
	if (sh && --sh->count == 0)
		kfree(sh);
}

struct signal_struct *alloc_signal(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig));

	if (!sig)
		return NULL;
	sig->sigcnt = 1;
	sig->id = next_object_id();
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	return sig;
}

void put_signal(struct signal_struct *sig)
{
	if (sig && --sig->sigcnt == 0)
		kfree(sig);
}

/* zap_other_threads — mark every other live thread of t's group killed
 * and wake it, so that it notices (Linux sends them SIGKILL). */
void zap_other_threads(struct task_struct *t)
{
	struct task_struct *other;

	for_each_thread(t->signal, other)
		if (other != t && !other->exit_state) {
			other->sigkill = true;
			wake_up_process(other);
		}
}

/* do_group_exit — exit_group(2): the first caller's code is the group's;
 * the other threads are killed and die with it. */
void __noreturn do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
	} else {
		sig->group_exit_code = code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	do_exit(code);
}

/* exit_if_killed — on the way back to user mode: a killed thread ends
 * here, with the group's code (or as by SIGKILL for an exec's victims). */
void exit_if_killed(void)
{
	struct signal_struct *sig = current->signal;

	if (!current->sigkill)
		return;
	do_exit(sig->flags & SIGNAL_GROUP_EXIT ? sig->group_exit_code : SIGKILL);
}
