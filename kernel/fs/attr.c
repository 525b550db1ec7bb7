/* kernel/fs/attr.c — changing a file's owner: chown, fchown, lchown,
 * fchownat and the 16-bit forms of old i386 programs; Linux fs/open.c
 * (chown_common) and fs/attr.c (chown_ok, notify_change). */
#include "fdtable.h"
#include "../task/cred.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/fcntl.h>

#define NO_CHANGE	((u32)-1)

/* chown_ok — root may give a file to anyone; its owner may only change
 * its group, and only to a group the owner is in (chown(2)). */
static bool chown_ok(struct inode *inode, u32 uid, u32 gid)
{
	if (fs_capable())
		return true;
	if (current->cred.fsuid != inode->i_uid)
		return false;
	if (uid != NO_CHANGE && uid != inode->i_uid)
		return false;
	return gid == NO_CHANGE || gid == inode->i_gid ||
	       gid == current->cred.fsgid;
}

/* chown_inode — a regular file loses set-user-ID whoever changes it (else
 * a chown would hand the new owner a setuid program), and set-group-ID
 * when it means "setgid" (group execute set) rather than mandatory
 * locking. The change time moves even for chown(f, -1, -1). */
static long chown_inode(struct inode *inode, u32 uid, u32 gid)
{
	if (!chown_ok(inode, uid, gid))
		return -EPERM;
	if (uid != NO_CHANGE)
		inode->i_uid = uid;
	if (gid != NO_CHANGE)
		inode->i_gid = gid;
	if (!S_ISDIR(inode->i_mode)) {
		inode->i_mode &= ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			inode->i_mode &= ~S_ISGID;
	}
	inode->i_ctime = current_time();
	mark_inode_dirty(inode);
	return 0;
}

long sys_fchownat(int dfd, const char *upath, u32 uid, u32 gid, int flag)
{
	struct inode *inode;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, upath, flag, &inode);
	if (err)
		return err;
	err = chown_inode(inode, uid, gid);
	iput(inode);
	return err;
}

long sys_chown(const char *upath, u32 uid, u32 gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, 0);
}

long sys_lchown(const char *upath, u32 uid, u32 gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, u32 uid, u32 gid)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = chown_inode(f->f_inode, uid, gid);
	fput(f);
	return err;
}

/* The 16-bit calls of i386's first ABI: 0xffff is "no change". */
static u32 id16(u32 id)
{
	id &= 0xffff;
	return id == 0xffff ? NO_CHANGE : id;
}

long sys_chown16(const char *upath, u32 uid, u32 gid)
{
	return sys_chown(upath, id16(uid), id16(gid));
}

long sys_lchown16(const char *upath, u32 uid, u32 gid)
{
	return sys_lchown(upath, id16(uid), id16(gid));
}

long sys_fchown16(unsigned int fd, u32 uid, u32 gid)
{
	return sys_fchown(fd, id16(uid), id16(gid));
}
