/* kernel/task/acct.c — BSD process accounting; Linux kernel/acct.c.
 * acct(path) names a file; from then on every process (thread group)
 * that ends appends one 64-byte struct acct_v3 to it, in exit order,
 * as GNU acct's dump-acct and lastcomm read it (spec §9). Each exiting
 * thread adds its part (acct_collect); the last one writes the record
 * (acct_process). The kernel is not preempted and the disk is polled,
 * so a record is written whole before any other task runs. */
#include "acct.h"
#include "signal.h"
#include "../lib/jiffies.h"
#include "../drivers/tty.h"
#include "../fs/fdtable.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../mm/mm.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/acct.h>

#define RESUME		4	/* % free to resume (Linux acct[0]) */
#define SUSPEND		2	/* % free to suspend (acct[1]) */
#define ACCT_TIMEOUT	(30 * HZ)	/* between space checks (acct[2]) */

_Static_assert(sizeof(struct acct_v3) == 64, "spec §9.5: 64 bytes");

static struct {
	struct file *file;		/* NULL: accounting is off */
	bool active;			/* false: suspended, disk nearly full */
	u64 needcheck;			/* jiffies of the next space check */
} acct;

/* encode_comp_t — 13-bit mantissa, 3-bit base-8 exponent, rounding on
 * the last octal digit dropped (spec §9.6). */
u16 encode_comp_t(u64 value)
{
	/* LAB acct: begin encode_comp_t */
	int exp = 0, rnd = 0;

	while (value > 0x1fff) {
		rnd = value & 4;
		value >>= 3;
		exp++;
	}
	if (rnd && ++value > 0x1fff) {
		value >>= 3;
		exp++;
	}
	return exp > 7 ? 0xffff : (exp << 13) | value;
	/* LAB acct: end encode_comp_t */
}

/* encode_float — an IEEE single of value without the FPU, truncating
 * the mantissa as Linux does (spec §9.7). */
u32 encode_float(u64 value)
{
	/* LAB acct: begin encode_float */
	int shift = 0;

	if (!value)
		return 0;
	while (!(value >> 63)) {
		value <<= 1;
		shift++;
	}
	return (u32)(190 - shift) << 23 | ((u32)(value >> 40) & 0x7fffff);
	/* LAB acct: end encode_float */
}

/* acct_collect — an exiting thread's part (Linux acct_collect): the
 * flags, the leader's exit code and, from the last, the memory size.
 * Times and faults reach the record through the group's totals. */
void acct_collect(long code, bool group_dead)
{
	struct task_struct *tsk = current;
	struct pacct_struct *pacct = &tsk->signal->pacct;

	if (group_dead && tsk->mm)
		pacct->ac_mem = tsk->mm->total_vm * (PAGE_SIZE / 1024);
	if (thread_group_leader(tsk)) {
		pacct->ac_exitcode = code;
		if (tsk->flags & PF_FORKNOEXEC)
			pacct->ac_flag |= AFORK;
	}
	if (tsk->flags & PF_SUPERPRIV)
		pacct->ac_flag |= ASU;
	if (code & 0x80)
		pacct->ac_flag |= ACORE;
	if (__WTERMSIG(code) || tsk->sigkill)	/* killed, or zapped */
		pacct->ac_flag |= AXSIG;
}

/* fill_ac — the record of current's process as it is now (Linux
 * fill_ac): times and faults of its threads that have exited, which at
 * the last exit are all of them. */
static void fill_ac(struct acct_v3 *ac)
{
	/* LAB acct: begin fill_ac */
	struct signal_struct *s = current->signal;
	struct task_struct *leader = current->group_leader;
	u64 elapsed = get_jiffies_64() - s->start_time;	/* AHZ == HZ */
	u32 now = current_time();

	*ac = (struct acct_v3){ .ac_flag = s->pacct.ac_flag,
				.ac_version = ACCT_VERSION };
	memcpy(ac->ac_comm, leader->comm, sizeof(ac->ac_comm) - 1);
	ac->ac_etime = encode_float(elapsed);
	ac->ac_btime = now - (u32)(elapsed / AHZ);
	ac->ac_utime = encode_comp_t(s->dead.utime);	/* the exited threads' */
	ac->ac_stime = encode_comp_t(s->dead.stime);
	ac->ac_minflt = encode_comp_t(s->dead.min_flt);
	ac->ac_majflt = encode_comp_t(s->dead.maj_flt);
	ac->ac_mem = encode_comp_t(s->pacct.ac_mem);
	ac->ac_exitcode = s->pacct.ac_exitcode;
	ac->ac_tty = tty_old_encode_dev(s);
	ac->ac_uid = current->cred.uid;
	ac->ac_gid = current->cred.gid;
	ac->ac_pid = current->tgid;
	ac->ac_ppid = leader->real_parent ? leader->real_parent->tgid : 0;
	/* LAB acct: end fill_ac */
}

/* check_free_space — suspend below 2% free, resume above 4%; looked at
 * no more than every 30 s (Linux check_free_space). */
static bool check_free_space(void)
{
	struct super_block *sb = acct.file->f_inode->i_sb;
	struct kstatfs st = { 0 };
	u64 blocks, bavail;

	if (get_jiffies_64() < acct.needcheck || !sb->s_op->statfs)
		return acct.active;
	sb->s_op->statfs(sb, &st);
	blocks = st.f_blocks;
	bavail = st.f_bavail;
	if (acct.active && bavail <= blocks * SUSPEND / 100) {
		acct.active = false;
		printk("Process accounting paused\n");
	} else if (!acct.active && bavail >= blocks * RESUME / 100) {
		acct.active = true;
		printk("Process accounting resumed\n");
	}
	acct.needcheck = get_jiffies_64() + ACCT_TIMEOUT;
	return acct.active;
}

/* decode_comp_t — the value a comp_t stands for: mantissa * 8^exponent */
static u32 decode_comp_t(u16 c)
{
	return (u32)(c & 0x1fff) << (3 * (c >> 13));
}

/* decode_float — the integer part of a positive IEEE single */
static u32 decode_float(u32 f)
{
	int e = (int)((f >> 23) & 0xff) - 127;
	u32 m = (f & 0x7fffff) | 0x800000;

	if (!f || e < 0)
		return 0;
	return e >= 23 ? m << (e - 23) : m >> (23 - e);
}

/* trace_record — the record as dump-acct would show it: times in ticks
 * (AHZ = 100 a second), memory in KiB, with the encoded words beside and
 * the exact memory size the comp_t stands for */
static void trace_record(const struct acct_v3 *ac, long err)
{
	trace(acct, "%s pid %u ppid %u flag 0x%02x exit 0x%x uid %u tty 0x%04x "
	      "utime %u stime %u etime %u ticks, mem %u KiB (exact %lu), "
	      "minflt %u (comp_t 0x%04x 0x%04x, float 0x%08x)%s", ac->ac_comm,
	      ac->ac_pid, ac->ac_ppid, ac->ac_flag, ac->ac_exitcode, ac->ac_uid,
	      ac->ac_tty, decode_comp_t(ac->ac_utime),
	      decode_comp_t(ac->ac_stime), decode_float(ac->ac_etime),
	      decode_comp_t(ac->ac_mem), current->signal->pacct.ac_mem,
	      decode_comp_t(ac->ac_minflt), ac->ac_utime, ac->ac_stime,
	      ac->ac_etime, err < 0 ? " (lost)" : "");
}

/* do_acct_process — append current's record; its errors lose it. */
static void do_acct_process(void)
{
	struct acct_v3 ac;
	struct inode *inode = acct.file->f_inode;
	long err;

	if (!check_free_space())
		return;
	fill_ac(&ac);
	err = inode->i_fop->kappend(inode, &ac, sizeof(ac));
	trace_record(&ac, err);
}

/* acct_process — the last thread of a process is exiting. */
void acct_process(void)
{
	if (acct.file)
		do_acct_process();
}

/* acct_off — close the file, with a record of the caller as it is now
 * (Linux acct_pin_kill). */
static void acct_off(void)
{
	if (!acct.file)
		return;
	do_acct_process();
	fput(acct.file);
	acct.file = NULL;
}

/* acct_on — open an existing regular file for appending (spec §9.1.3-4). */
static long acct_on(const char *path)
{
	struct file *f = filp_open(path, O_WRONLY | O_APPEND | O_LARGEFILE);

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!S_ISREG(f->f_inode->i_mode) || !f->f_inode->i_fop->kappend) {
		fput(f);
		return -EACCES;
	}
	acct_off();
	acct.file = f;
	acct.active = true;
	acct.needcheck = get_jiffies_64();	/* check at the first record */
	return 0;
}

/* sys_acct — acct(2): root only; NULL turns accounting off. */
long sys_acct(const char *upath)
{
	char *path;
	long err;

	if (!capable())
		return -EPERM;
	if (!upath) {
		acct_off();
		return 0;
	}
	err = getname(upath, &path);
	if (err)
		return err;
	err = acct_on(path);
	putname(path);
	return err;
}
