/* kernel/task/cred.c — user and group ids and the set*id calls; Linux
 * kernel/sys.c (setuid, setreuid, setresuid, setfsuid and the gid ones)
 * and kernel/capability.c. Privilege is "euid 0" (for files: fsuid 0),
 * as in a kernel without capabilities; using it marks the task
 * PF_SUPERPRIV, which acct reports as ASU. Each task has its own ids:
 * a thread's set*id changes only that thread, as the raw calls do on
 * Linux (glibc then repeats them in every thread). */
#include "sched.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define NOCHANGE	((u32)-1)
#define OVERFLOWUID	65534		/* what the 16-bit calls see of a big id */

/* capable — may the task use root's privilege? Notes that it did. */
bool capable(void)
{
	if (current->cred.euid != 0)
		return false;
	current->flags |= PF_SUPERPRIV;
	return true;
}

/* fs_capable — the same for file access, which goes by fsuid. */
bool fs_capable(void)
{
	if (current->cred.fsuid != 0)
		return false;
	current->flags |= PF_SUPERPRIV;
	return true;
}

/* one_of — may an unprivileged task take id: is it one it has? */
static bool one_of(u32 id, u32 real, u32 eff, u32 saved)
{
	return id == NOCHANGE || id == real || id == eff || id == saved;
}

/* set_res — setresuid's rule, for uids (ids points at uid, euid, suid
 * and fsuid) or gids: unprivileged, each new id must be one of the three
 * old ones; the file-system id follows the effective one. */
static long set_res(u32 *real, u32 *eff, u32 *saved, u32 *fs, u32 r, u32 e,
		    u32 s)
{
	if (!capable() && (!one_of(r, *real, *eff, *saved) ||
			   !one_of(e, *real, *eff, *saved) ||
			   !one_of(s, *real, *eff, *saved)))
		return -EPERM;
	if (r != NOCHANGE)
		*real = r;
	if (e != NOCHANGE)
		*eff = e;
	if (s != NOCHANGE)
		*saved = s;
	*fs = *eff;
	return 0;
}

/* set_re — setreuid(2): unprivileged, real may become the effective id,
 * effective any of the three; the saved id follows a new effective one
 * when real is set or effective becomes other than the old real id. */
static long set_re(u32 *real, u32 *eff, u32 *saved, u32 *fs, u32 r, u32 e)
{
	u32 old_real = *real, new_eff = e == NOCHANGE ? *eff : e;

	if (!capable() && ((r != NOCHANGE && r != *real && r != *eff) ||
			   !one_of(e, *real, *eff, *saved)))
		return -EPERM;
	if (r != NOCHANGE)
		*real = r;
	*eff = new_eff;
	if (r != NOCHANGE || (e != NOCHANGE && e != old_real))
		*saved = new_eff;
	*fs = new_eff;
	return 0;
}

/* set_one — setuid(2): root sets all four; others only the effective
 * (and file-system) id, to the real or saved one. */
static long set_one(u32 *real, u32 *eff, u32 *saved, u32 *fs, u32 id)
{
	if (id == NOCHANGE)
		return -EINVAL;
	if (capable()) {
		*real = *saved = id;
	} else if (id != *real && id != *saved) {
		return -EPERM;
	}
	*eff = *fs = id;
	return 0;
}

/* set_fs — setfsuid(2): the old value, whether or not it changed. */
static long set_fs(u32 *fs, u32 real, u32 eff, u32 saved, u32 id)
{
	u32 old = *fs;

	if (id != NOCHANGE && (one_of(id, real, eff, saved) || id == old ||
			       capable()))
		*fs = id;
	return old;
}

#define UIDS(c)	&(c)->uid, &(c)->euid, &(c)->suid, &(c)->fsuid
#define GIDS(c)	&(c)->gid, &(c)->egid, &(c)->sgid, &(c)->fsgid

long sys_setuid32(u32 uid) { return set_one(UIDS(&current->cred), uid); }
long sys_setgid32(u32 gid) { return set_one(GIDS(&current->cred), gid); }

long sys_setreuid32(u32 r, u32 e)
{
	return set_re(UIDS(&current->cred), r, e);
}

long sys_setregid32(u32 r, u32 e)
{
	return set_re(GIDS(&current->cred), r, e);
}

long sys_setresuid32(u32 r, u32 e, u32 s)
{
	return set_res(UIDS(&current->cred), r, e, s);
}

long sys_setresgid32(u32 r, u32 e, u32 s)
{
	return set_res(GIDS(&current->cred), r, e, s);
}

long sys_setfsuid32(u32 id)
{
	struct cred *c = &current->cred;

	return set_fs(&c->fsuid, c->uid, c->euid, c->suid, id);
}

long sys_setfsgid32(u32 id)
{
	struct cred *c = &current->cred;

	return set_fs(&c->fsgid, c->gid, c->egid, c->sgid, id);
}

/* put_ids — getres[ug]id: three ids out, as u32 or (old calls) u16. */
static long put_ids(void *r, void *e, void *s, u32 a, u32 b, u32 c,
		    bool old)
{
	void *dst[3] = { r, e, s };
	u32 id[3] = { a, b, c };

	for (int i = 0; i < 3; i++) {
		u32 v = old && id[i] > 0xffff ? OVERFLOWUID : id[i];

		if (copy_to_user(dst[i], &v, old ? 2 : 4))	/* LE: low half */
			return -EFAULT;
	}
	return 0;
}

long sys_getresuid32(u32 *r, u32 *e, u32 *s)
{
	struct cred *c = &current->cred;

	return put_ids(r, e, s, c->uid, c->euid, c->suid, false);
}

long sys_getresgid32(u32 *r, u32 *e, u32 *s)
{
	struct cred *c = &current->cred;

	return put_ids(r, e, s, c->gid, c->egid, c->sgid, false);
}

long sys_getuid32(void) { return current->cred.uid; }
long sys_geteuid32(void) { return current->cred.euid; }
long sys_getgid32(void) { return current->cred.gid; }
long sys_getegid32(void) { return current->cred.egid; }

/* --- the old 16-bit calls: -1 stays -1, a big id reads as 65534 --- */

static u32 low2high(u32 id) { return (u16)id == 0xffff ? NOCHANGE : (u16)id; }
static u32 high2low(u32 id) { return id > 0xffff ? OVERFLOWUID : id; }

long sys_setuid(u32 id) { return sys_setuid32(low2high(id)); }
long sys_setgid(u32 id) { return sys_setgid32(low2high(id)); }
long sys_setreuid(u32 r, u32 e) { return sys_setreuid32(low2high(r), low2high(e)); }
long sys_setregid(u32 r, u32 e) { return sys_setregid32(low2high(r), low2high(e)); }
long sys_setfsuid(u32 id) { return high2low(sys_setfsuid32(low2high(id))); }
long sys_setfsgid(u32 id) { return high2low(sys_setfsgid32(low2high(id))); }
long sys_getuid(void) { return high2low(current->cred.uid); }
long sys_geteuid(void) { return high2low(current->cred.euid); }
long sys_getgid(void) { return high2low(current->cred.gid); }
long sys_getegid(void) { return high2low(current->cred.egid); }

long sys_setresuid(u32 r, u32 e, u32 s)
{
	return sys_setresuid32(low2high(r), low2high(e), low2high(s));
}

long sys_setresgid(u32 r, u32 e, u32 s)
{
	return sys_setresgid32(low2high(r), low2high(e), low2high(s));
}

long sys_getresuid(u16 *r, u16 *e, u16 *s)
{
	struct cred *c = &current->cred;

	return put_ids(r, e, s, c->uid, c->euid, c->suid, true);
}

long sys_getresgid(u16 *r, u16 *e, u16 *s)
{
	struct cred *c = &current->cred;

	return put_ids(r, e, s, c->gid, c->egid, c->sgid, true);
}

/* --- supplementary groups ------------------------------------------------
 * clonix keeps none: a process is in its gid's group only. getgroups
 * answers with the empty list (Linux's checks: a negative size EINVAL);
 * setgroups may set that empty list (root only, as Linux: EPERM), which
 * daemons do before they drop privilege; a list with groups in it cannot
 * be kept, so it is EINVAL rather than a silent loss. */
#define NGROUPS_MAX	65536

long sys_getgroups32(int size, u32 *ulist __unused)
{
	return size < 0 ? -EINVAL : 0;
}

long sys_getgroups(int size, u16 *ulist __unused)
{
	return size < 0 ? -EINVAL : 0;
}

long sys_setgroups32(int size, const u32 *ulist __unused)
{
	if (!capable())
		return -EPERM;
	if ((u32)size > NGROUPS_MAX)
		return -EINVAL;
	return size ? -EINVAL : 0;
}

long sys_setgroups(int size, const u16 *ulist)
{
	return sys_setgroups32(size, (const u32 *)ulist);
}
