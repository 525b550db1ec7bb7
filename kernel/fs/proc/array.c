/* kernel/fs/proc/array.c — /proc/PID/stat and status, Linux
 * fs/proc/array.c (do_task_stat, proc_pid_status), and clonix's sharing
 * file. The process view adds up the CPU time and faults of all its
 * threads, dead ones too (the same sums as getrusage); the thread view
 * (task/TID) shows the thread's own. */
#include "internal.h"
#include "../fdtable.h"
#include "../../drivers/tty.h"
#include "../../lib/printk.h"
#include "../../mm/mm.h"
#include "../../task/signal.h"
#include "../../task/task_share.h"
#include <linux/resource.h>

/* state_of — Linux's one-letter state and its word */
static char state_of(struct task_struct *t, const char **word)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return *word = "zombie", 'Z';
	if (t->exit_state || t->state == TASK_DEAD)
		return *word = "dead", 'X';
	switch (t->state) {
	case TASK_RUNNING:
		return *word = "running", 'R';
	case TASK_INTERRUPTIBLE:
		return *word = "sleeping", 'S';
	case TASK_UNINTERRUPTIBLE:
		return *word = "disk sleep", 'D';
	case TASK_STOPPED:
		return *word = "stopped", 'T';
	}
	return *word = "dead", 'X';
}

/* signal_sets — pending (the task's and, for the process, its group's),
 * and the dispositions: ignored and caught. */
static void signal_sets(struct task_struct *t, bool thread, u64 *pending,
			u64 *ign, u64 *catch)
{
	*pending = t->pending.signal |
		   (thread ? 0 : t->signal->shared_pending.signal);
	*ign = *catch = 0;
	if (!t->sighand)
		return;
	for (int i = 0; i < _NSIG; i++) {
		if (t->sighand->action[i].handler == SIG_IGN)
			*ign |= 1ull << i;
		else if (t->sighand->action[i].handler != SIG_DFL)
			*catch |= 1ull << i;
	}
}

int proc_pid_stat(struct task_struct *t, bool thread, char *buf, int size)
{
	struct signal_struct *sig = t->signal;
	struct mm_struct *mm = t->mm;
	struct usage u = task_usage(t);
	u64 pending, ign, catch;
	const char *word;

	if (!thread)
		group_usage(t, &u);
	signal_sets(t, thread, &pending, &ign, &catch);
	return snprintf(buf, size, "%d (%s) %c %d %d %d %d %d %u "
		"%lu %lu %lu %lu %lu %lu %lu %lu %d %d %d %d %llu %lu %lu %llu "
		"%lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %d %d %u %u %u "
		"%lu %ld %lu %lu %lu %lu %lu %lu %lu %d\n",
		t->pid, t->comm, state_of(t, &word),
		t->real_parent ? t->real_parent->tgid : 0, sig->pgrp,
		sig->session, tty_old_encode_dev(sig), tty_foreground(sig),
		t->flags, u.min_flt, sig->cusage.min_flt, u.maj_flt,
		sig->cusage.maj_flt, u.utime, u.stime, sig->cusage.utime,
		sig->cusage.stime, 20 + t->nice, t->nice, sig->nr_threads, 0,
		(unsigned long long)sig->start_time,
		mm ? mm->total_vm * PAGE_SIZE : 0, mm ? mm->rss : 0,
		(unsigned long long)(unsigned long)sig->rlim[RLIMIT_RSS].rlim_cur,
		mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		mm ? mm->start_stack : 0, 0ul, 0ul, (unsigned long)pending,
		(unsigned long)t->blocked, (unsigned long)ign,
		(unsigned long)catch, 0ul, 0ul, 0ul,
		thread_group_leader(t) ? t->exit_signal : -1, 0, 0u, 0u, 0u,
		0ul, 0l, mm ? mm->start_data : 0, mm ? mm->end_data : 0,
		mm ? mm->start_brk : 0, mm ? mm->arg_start : 0,
		mm ? mm->arg_end : 0, mm ? mm->env_start : 0,
		mm ? mm->env_end : 0, t->exit_state ? t->exit_code : 0);
}

int proc_pid_status(struct task_struct *t, bool thread, char *buf, int size)
{
	const struct cred *c = &t->cred;
	struct mm_struct *mm = t->mm;
	u64 pending, ign, catch;
	const char *word;
	char st = state_of(t, &word);
	int n;

	signal_sets(t, true, &pending, &ign, &catch);
	n = snprintf(buf, size, "Name:\t%s\nUmask:\t%04o\nState:\t%c (%s)\n"
		     "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n"
		     "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n"
		     "FDSize:\t%d\nGroups:\t\n",
		     t->comm, t->fs ? t->fs->umask : 0, st, word, t->tgid, t->pid,
		     t->real_parent ? t->real_parent->tgid : 0, c->uid, c->euid,
		     c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid,
		     t->files ? NR_OPEN_DEFAULT : 0);
	if (mm)
		n += snprintf(buf + n, size - n, "VmPeak:\t%8lu kB\n"
			      "VmSize:\t%8lu kB\nVmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\n"
			      "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\n"
			      "RssShmem:\t%8lu kB\n",
			      mm->total_vm * 4, mm->total_vm * 4,
			      mm->hiwater_rss * 4, mm->rss * 4,
			      (mm->rss - mm->rss_file - mm->rss_shmem) * 4,
			      mm->rss_file * 4, mm->rss_shmem * 4);
	n += snprintf(buf + n, size - n, "Threads:\t%d\nSigPnd:\t%016llx\n"
		      "ShdPnd:\t%016llx\nSigBlk:\t%016llx\nSigIgn:\t%016llx\n"
		      "SigCgt:\t%016llx\nvoluntary_ctxt_switches:\t%lu\n"
		      "nonvoluntary_ctxt_switches:\t%lu\n",
		      t->signal->nr_threads, (unsigned long long)t->pending.signal,
		      (unsigned long long)t->signal->shared_pending.signal,
		      (unsigned long long)t->blocked, (unsigned long long)ign,
		      (unsigned long long)catch, t->nvcsw, t->nivcsw);
	(void)thread;
	(void)pending;
	return n;
}

/* sharing — one line per structure clone() may share: its id (the same
 * id in two tasks means one shared object) and its reference count, as
 * task_share(2) reports them. */
int proc_pid_sharing(struct task_struct *t, bool thread __unused, char *buf,
		     int size)
{
	struct task_share s;

	task_share_fill(t, &s);
	return snprintf(buf, size, "mm\t%u\t%d\nfiles\t%u\t%d\nfs\t%u\t%d\n"
			"sighand\t%u\t%d\nsignal\t%u\t%d\n", s.mm.id, s.mm.users,
			s.files.id, s.files.users, s.fs.id, s.fs.users,
			s.sighand.id, s.sighand.users, s.signal.id, s.signal.users);
}
