/* kernel/task/signal.c — the shared signal structures and group exit;
 * Linux kernel/fork.c (copy_sighand, copy_signal helpers),
 * kernel/exit.c (do_group_exit) and kernel/signal.c (zap_other_threads).
 * A thread that another thread kills (exit_group, execve) is marked
 * sigkill and woken; it dies at its next killable sleep or on its way
 * back to user mode, with the group's exit code. */
#include "signal.h"
#include "../lib/objstat.h"
#include "../lib/string.h"
#include <asm/errno.h>
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
		kobj_new(KOBJ_SIGHAND);
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
	if (sh && --sh->count == 0) {
		kobj_del(KOBJ_SIGHAND);
		kfree(sh);
	}
}

struct signal_struct *alloc_signal(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig));

	if (!sig)
		return NULL;
	kobj_new(KOBJ_SIGNAL);
	sig->sigcnt = 1;
	sig->id = next_object_id();
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	return sig;
}

void put_signal(struct signal_struct *sig)
{
	if (sig && --sig->sigcnt == 0) {
		flush_sigpending(&sig->shared_pending);
		kobj_del(KOBJ_SIGNAL);
		kfree(sig);
	}
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
			kick_cpu_of(other);	/* running elsewhere */
		}
}

/* do_group_exit — exit_group(2): the first caller's code is the group's;
 * the other threads are killed and die with it. */
void __noreturn do_group_exit(int code)
{
	/* LAB threads: begin group_exit */
	struct signal_struct *sig = current->signal;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
	} else {
		sig->group_exit_code = code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	/* LAB threads: end group_exit */
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

/* --- pending sets ------------------------------------------------ */

static void take(struct sigpending *p, int sig, siginfo_t *info);

void init_sigpending(struct sigpending *p)
{
	p->signal = 0;
	INIT_LIST_HEAD(&p->list);
}

void flush_sigpending(struct sigpending *p)
{
	while (!list_empty(&p->list)) {
		struct sigqueue *q = list_first_entry(&p->list, struct sigqueue,
						      list);

		list_del(&q->list);
		kobj_del(KOBJ_SIGQUEUE);
		kfree(q);
	}
	p->signal = 0;
}

/* Default actions (signal(7)): ignore, stop, or terminate (with a core
 * for the "core" signals: the status gets 0x80; no core file is written). */
bool sig_default_ignored(int sig)
{
	return sigmask(sig) & (sigmask(SIGCHLD) | sigmask(SIGURG) |
			       sigmask(SIGWINCH) | sigmask(SIGCONT));
}

bool sig_kernel_coredump(int sig)
{
	return sigmask(sig) & (sigmask(SIGQUIT) | sigmask(SIGILL) |
			       sigmask(SIGTRAP) | sigmask(SIGABRT) |
			       sigmask(SIGBUS) | sigmask(SIGFPE) |
			       sigmask(SIGSEGV) | sigmask(SIGXCPU) |
			       sigmask(SIGXFSZ) | sigmask(SIGSYS));
}

bool sig_stop(int sig)
{
	return sigmask(sig) & (sigmask(SIGSTOP) | sigmask(SIGTSTP) |
			       sigmask(SIGTTIN) | sigmask(SIGTTOU));
}

static u32 handler_of(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].handler;
}

/* sig_ignored — dropped at once: SIG_IGN, or a default-ignore signal
 * with no handler (unless blocked: the handler may change meanwhile). */
static bool sig_ignored(struct task_struct *t, int sig)
{
	u32 h = handler_of(t, sig);

	if (t->blocked & sigmask(sig))
		return false;
	return h == SIG_IGN || (h == SIG_DFL && sig_default_ignored(sig));
}

/* sig_fatal — delivering it would end the group: SIGKILL, or the
 * default action of a terminating signal (stop signals stop instead). */
static bool sig_fatal(struct task_struct *t, int sig)
{
	return sig == SIGKILL || (handler_of(t, sig) == SIG_DFL &&
				  !sig_default_ignored(sig) && !sig_stop(sig));
}

bool signal_pending(struct task_struct *t)
{
	return t->sigkill ||
	       ((t->pending.signal | t->signal->shared_pending.signal) &
		~t->blocked);
}

/* signal_wake_up — a sleeper in an interruptible wait looks again. */
static void signal_wake_up(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE)
		wake_up_process(t);
	else
		kick_cpu_of(t);	/* running elsewhere: to look at it now */
}

/* complete_signal — who handles it: t if it does not block it, else
 * another thread of the group; a fatal one kills the whole group now. */
static void complete_signal(int sig, struct task_struct *t, bool group)
{
	struct signal_struct *sig_s = t->signal;
	struct task_struct *w;

	if (sig_fatal(t, sig) && !(sig_s->flags & SIGNAL_GROUP_EXIT) &&
	    (sig == SIGKILL || !(t->blocked & sigmask(sig)))) {
		sig_s->flags |= SIGNAL_GROUP_EXIT;
		sig_s->group_exit_code = sig | (sig_kernel_coredump(sig) ?
						__WCOREFLAG : 0);
		for_each_thread(sig_s, w) {
			w->sigkill = true;
			wake_up_process(w);
			kick_cpu_of(w);
		}
		return;
	}
	if (!group || !(t->blocked & sigmask(sig))) {
		signal_wake_up(t);
		return;
	}
	for_each_thread(sig_s, w)
		if (!(w->blocked & sigmask(sig))) {
			signal_wake_up(w);
			return;
		}
}

/* drop_pending — take sig out of every pending set of t's group. */
static void drop_pending(struct task_struct *t, u64 mask)
{
	struct task_struct *w;
	siginfo_t info;

	for (int sig = 1; sig <= _NSIG; sig++) {
		if (!(mask & sigmask(sig)))
			continue;
		while (t->signal->shared_pending.signal & sigmask(sig))
			take(&t->signal->shared_pending, sig, &info);
		for_each_thread(t->signal, w)
			while (w->pending.signal & sigmask(sig))
				take(&w->pending, sig, &info);
	}
}

/* notify_parent_cldstop — CLD_STOPPED or CLD_CONTINUED to the parent,
 * unless it asked for none (SA_NOCLDSTOP) or ignores SIGCHLD. */
static void notify_parent_cldstop(struct task_struct *t, int code, int status)
{
	struct task_struct *leader = t->group_leader, *parent = leader->real_parent;
	struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];
	siginfo_t info = { .si_signo = SIGCHLD, .si_code = code };

	info.si_pid = leader->tgid;
	info.si_uid = leader->cred.uid;
	info.si_status = status;
	if (!(ka->flags & SA_NOCLDSTOP))
		send_signal(SIGCHLD, &info, parent, true);
	wake_up(&parent->signal->wait_chldexit);
}

/* prepare_signal — job control at send time (Linux prepare_signal): a
 * stop signal cancels a pending SIGCONT; SIGCONT cancels pending stops
 * and wakes a stopped group, whatever its disposition. */
static void prepare_signal(int sig, struct task_struct *t)
{
	struct signal_struct *s = t->signal;
	struct task_struct *w;

	if (sig_stop(sig))
		drop_pending(t, sigmask(SIGCONT));
	if (sig != SIGCONT)
		return;
	drop_pending(t, sigmask(SIGSTOP) | sigmask(SIGTSTP) |
		     sigmask(SIGTTIN) | sigmask(SIGTTOU));
	if (!(s->flags & SIGNAL_STOP_STOPPED))
		return;
	s->flags = (s->flags & ~SIGNAL_STOP_STOPPED) | SIGNAL_STOP_CONTINUED;
	s->notify_continued = true;	/* sent when the group runs again */
	for_each_thread(s, w)
		if (w->state == TASK_STOPPED)
			wake_up_process(w);
}

/* notify_continued — as Linux, CLD_CONTINUED goes to the parent from the
 * continued process itself, on its way back to user mode. */
void notify_continued(void)
{
	if (current->signal->notify_continued) {
		current->signal->notify_continued = false;
		notify_parent_cldstop(current, CLD_CONTINUED, SIGCONT);
	}
}

/* do_signal_stop — a stop signal's default action: the whole group
 * stops, the parent hears of it once; each thread stops on its way back
 * to user mode (do_signal) until SIGCONT or SIGKILL. */
void do_signal_stop(int sig)
{
	struct signal_struct *s = current->signal;
	struct task_struct *w;

	if (!(s->flags & SIGNAL_STOP_STOPPED)) {
		s->flags = (s->flags & ~SIGNAL_STOP_CONTINUED) |
			   SIGNAL_STOP_STOPPED;
		s->stop_sig = sig;
		s->stop_reported = false;
		for_each_thread(s, w)
			if (w != current)
				signal_wake_up(w);
		notify_parent_cldstop(current, CLD_STOPPED, sig);
	}
	while ((s->flags & SIGNAL_STOP_STOPPED) && !current->sigkill) {
		current->state = TASK_STOPPED;
		schedule();
	}
}

/* send_signal — make sig pending for t (or its whole group), with info
 * (a copy is queued; without memory the signal still goes, bare). */
/* live_thread — a thread of the group that has not exited, if any. */
struct task_struct *live_thread(struct signal_struct *sig)
{
	struct task_struct *w;

	for_each_thread(sig, w)
		if (!w->exit_state)
			return w;
	return NULL;
}

/* queued — the entries waiting in p */
static unsigned long queued(const struct sigpending *p)
{
	struct sigqueue *q;
	unsigned long n = 0;

	list_for_each_entry(q, &p->list, list)
		n++;
	return n;
}

/* may_queue — room for one more real-time signal for t: RLIMIT_SIGPENDING
 * bounds what waits for its process (Linux counts per user; here per
 * process), so that no sender can fill the kernel's memory. Past it, a
 * signal still pending keeps its first information only. */
static bool may_queue(struct task_struct *t)
{
	unsigned long n = queued(&t->signal->shared_pending);
	struct task_struct *w;

	for_each_thread(t->signal, w)
		n += queued(&w->pending);
	return n < t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
}

int send_signal(int sig, siginfo_t *info, struct task_struct *t, bool group)
{
	struct sigpending *p = group ? &t->signal->shared_pending : &t->pending;
	struct sigqueue *q;

	/* A zombie leader's process lives on in its other threads: a signal
	 * to the process goes to them; to a dead thread, nowhere. */
	if (t->exit_state && !(group && (t = live_thread(t->signal))))
		return 0;
	prepare_signal(sig, t);
	if (sig_ignored(t, sig))
		return 0;
	/* init is unkillable: only signals it has a handler for reach it */
	if (t->tgid == 1 && handler_of(t, sig) == SIG_DFL)
		return 0;
	/* a standard signal is pending once; a real-time one queues each
	 * time, with its own information (TLPI 22.8) */
	if (!(p->signal & sigmask(sig)) ||
	    (sig >= SIGRTMIN && may_queue(t))) {
		p->signal |= sigmask(sig);
		q = kmalloc(sizeof(*q));
		if (q) {
			kobj_new(KOBJ_SIGQUEUE);
			q->info = *info;
			list_add_tail(&q->list, &p->list);
		}
	}
	complete_signal(sig, t, group);
	return 0;
}

/* take — the first of sig's entries out of p, its info into *info (bare
 * if none was queued); sig stays pending while another entry waits. */
static void take(struct sigpending *p, int sig, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &p->list, list)
		if (q->info.si_signo == sig) {
			if (first) {
				more = true;
				break;
			}
			first = q;
		}
	if (!more)
		p->signal &= ~sigmask(sig);
	if (first) {
		*info = first->info;
		list_del(&first->list);
		kobj_del(KOBJ_SIGQUEUE);
		kfree(first);
		return;
	}
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = SI_KERNEL;
}

/* dequeue_signal — the lowest unblocked pending signal, thread-directed
 * ones first; 0 if none. */
int dequeue_signal(struct task_struct *t, siginfo_t *info)
{
	struct sigpending *ps[2] = { &t->pending, &t->signal->shared_pending };

	for (int i = 0; i < 2; i++) {
		u64 ready = ps[i]->signal & ~t->blocked;

		if (ready) {
			int sig = __builtin_ctzll(ready) + 1;

			take(ps[i], sig, info);
			return sig;
		}
	}
	return 0;
}

/* force_sigsegv — the frame for sig could not be written (the stack or
 * the alternate stack is unusable). Linux force_sigsegv: SIGSEGV follows,
 * and if sig was SIGSEGV its handler is dropped first, so the task dies
 * of it instead of faulting again and again. */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		force_fatal_sig(SIGSEGV);
	else
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
}

/* force_fatal_sig — sig, with no handler to catch it: the task dies of
 * it on the way back to user mode (Linux force_fatal_sig). */
void force_fatal_sig(int sig)
{
	current->sighand->action[sig - 1].handler = SIG_DFL;
	force_sig_fault(sig, SI_KERNEL, 0);
}

/* force_sig_fault — a hardware fault in user mode: the signal cannot be
 * blocked or ignored away (Linux force_sig_info: either is undone, and
 * the task dies if it was ignored). */
void force_sig_fault(int sig, int code, u32 addr)
{
	struct k_sigaction *k = &current->sighand->action[sig - 1];
	siginfo_t info = { .si_signo = sig, .si_code = code };

	info.si_addr = (void *)addr;
	if (k->handler == SIG_IGN || (current->blocked & sigmask(sig))) {
		k->handler = SIG_DFL;
		current->blocked &= ~sigmask(sig);
	}
	send_signal(sig, &info, current, false);
}
