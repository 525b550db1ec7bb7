/* kernel/fs/proc/inode.c — procfs's inodes and its one way of reading:
 * Linux fs/proc/inode.c, generic.c. An inode is made on lookup from its
 * number (internal.h) and lives as long as someone holds it; reading a
 * file runs its show() into a buffer and returns the part at the offset,
 * so each read sees the state of that moment. */
#include "internal.h"
#include "../../lib/printk.h"
#include "../../lib/string.h"
#include "../../mm/kmalloc.h"
#include "../../mm/uaccess.h"
#include "../../task/pid.h"
#include <asm/errno.h>

#define PROC_BUF	16384	/* the most one file shows */


static const struct proc_entry pid_dir_entry = { "", PID_DIR, PROC_ROOT,
						 S_IFDIR | 0555, NULL, NULL };
static const struct proc_entry root_entry = { "/", PROC_ROOT, PROC_ROOT,
					      S_IFDIR | 0555, NULL, NULL };

/* proc_entry_of — the table entry an inode number stands for. */
const struct proc_entry *proc_entry_of(u32 ino)
{
	int kind = ino_kind(ino);
	const struct proc_entry *tables[] = { proc_root_entries, proc_pid_entries };
	const int counts[] = { proc_root_count, proc_pid_count };

	if (kind == PROC_ROOT)
		return &root_entry;
	if (kind == PID_DIR)
		return &pid_dir_entry;
	for (int t = 0; t < 2; t++)
		for (int i = 0; i < counts[t]; i++)
			if (tables[t][i].kind == kind)
				return &tables[t][i];
	return NULL;
}

/* proc_task — the task a per-process inode is about: the group leader
 * for /proc/PID, the thread itself for /proc/PID/task/TID; NULL once it
 * has been reaped. */
struct task_struct *proc_task(u32 ino)
{
	struct task_struct *t = ino_id(ino) > 0 ?
				find_task_by_vpid(ino_id(ino)) : NULL;

	if (t && !ino_thread(ino) && !thread_group_leader(t))
		return NULL;
	return t;
}

static const struct inode_operations proc_link_inode_operations;
static const struct file_operations proc_file_operations;

static int proc_read_inode(struct inode *inode)
{
	const struct proc_entry *e = proc_entry_of(inode->i_ino);
	struct task_struct *t = NULL;

	if (!e)
		return -ENOENT;
	if (ino_kind(inode->i_ino) >= PID_DIR && !(t = proc_task(inode->i_ino)))
		return -ENOENT;
	inode->i_mode = e->mode;
	inode->i_uid = t ? t->cred.euid : 0;
	inode->i_gid = t ? t->cred.egid : 0;
	inode->i_nlink = S_ISDIR(e->mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	if (S_ISDIR(e->mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
	} else if (S_ISLNK(e->mode)) {
		inode->i_op = &proc_link_inode_operations;
	} else {
		inode->i_fop = &proc_file_operations;
	}
	return 0;
}

static const struct super_operations proc_sops = {
	.read_inode = proc_read_inode,
};

/* proc_mount — a new instance of procfs (each mount has its own, as on
 * Linux since 5.8, so that ".." from each root leads out through its own
 * mount point): its root, one reference, or NULL. */
struct inode *proc_mount(void)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct inode *root;

	if (!sb)
		return NULL;
	*sb = (struct super_block){ .s_magic = 0x9fa0,	/* PROC_SUPER_MAGIC */
				    .s_blocksize = 1024, .s_op = &proc_sops,
				    .s_fixed_names = true };
	root = iget(sb, proc_ino(0, false, PROC_ROOT));
	if (IS_ERR(root)) {
		kfree(sb);
		return NULL;
	}
	sb->s_root = root;
	return root;
}

/* proc_kill_sb — the instance is unmounted: its root (the mount's
 * reference, the last: umount checked) and its super block go. */
void proc_kill_sb(struct inode *root)
{
	struct super_block *sb = root->i_sb;

	iput(root);
	kfree(sb);
}

/* proc_refs — procfs holds nothing itself; the root has its mount's. */
int proc_refs(struct inode *inode)
{
	return inode == inode->i_sb->s_root;
}

/* proc_init — procfs on /proc, as an init script would mount it. */
void proc_init(void)
{
	if (kern_mount("proc", "/proc"))
		printk("vfs: no /proc directory: procfs not mounted\n");
}

/* --- reading a file ---------------------------------------------------- */

static long proc_file_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	u32 ino = f->f_inode->i_ino;
	struct task_struct *t = NULL;
	char *buf;
	long r;
	int len;

	if (ino_kind(ino) >= PID_DIR && !(t = proc_task(ino)))
		return -ESRCH;		/* the task is gone: Linux's answer */
	buf = kmalloc(PROC_BUF);
	if (!buf)
		return -ENOMEM;
	len = proc_entry_of(ino)->show(t, ino_thread(ino), buf, PROC_BUF);
	r = len < 0 ? len : simple_read_from_buffer(ubuf, count, pos, buf,
						    MIN(len, PROC_BUF - 1));
	kfree(buf);
	return r;
}

/* proc_file_write — for a file with a store(), one short text, whole;
 * every other file takes no writes (Linux proc_reg_write: EIO). Only the
 * task's owner, or root, may write (EACCES). */
static long proc_file_write(struct file *f, const char *ubuf, u32 count,
			    loff_t *pos __unused)
{
	u32 ino = f->f_inode->i_ino;
	const struct proc_entry *e = proc_entry_of(ino);
	struct task_struct *t = proc_task(ino);
	char text[128];
	int err;

	if (!e->store)
		return -EIO;
	if (!t)
		return -ESRCH;
	if (current->cred.euid && current->cred.euid != t->cred.euid)
		return -EACCES;
	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, ubuf, count))
		return -EFAULT;
	text[count] = '\0';
	err = e->store(t, text);
	return err ? err : (long)count;
}

static const struct file_operations proc_file_operations = {
	.read = proc_file_read,
	.write = proc_file_write,
};

/* --- symbolic links ------------------------------------------------------- */

static int proc_get_link(struct inode *inode, char *buf, int size)
{
	switch (ino_kind(inode->i_ino)) {
	case PROC_SELF:
		return snprintf(buf, size, "%d", current->tgid);
	case PROC_THREAD_SELF:
		return snprintf(buf, size, "%d/task/%d", current->tgid,
				current->pid);
	}
	return proc_pid_get_link(inode, buf, size);
}

static const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

/* --- directories ------------------------------------------------------------ */

/* proc_lookup_in — name among the entries of the directory dir (those
 * whose parent is its kind), for the same process and view. */
int proc_lookup_in(const struct proc_entry *e, int n, struct inode *dir,
		   const char *name, u32 len, struct inode **res)
{
	u32 dir_ino = dir->i_ino;

	for (int i = 0; i < n; i++) {
		if (e[i].parent != ino_kind(dir_ino) || strlen(e[i].name) != len ||
		    memcmp(e[i].name, name, len))
			continue;
		*res = iget(dir->i_sb, proc_ino(ino_id(dir_ino),
					       ino_thread(dir_ino), e[i].kind));
		return IS_ERR(*res) ? PTR_ERR(*res) : 0;
	}
	return -ENOENT;
}

bool proc_emit(struct dir_context *ctx, const char *name, u32 ino, u8 type)
{
	if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, ino, type))
		return false;
	ctx->pos++;
	return true;
}

/* proc_fill_dir — ".", ".." and the directory's entries from ctx->pos
 * on (pos counts entries); false when the caller's buffer is full. */
bool proc_fill_dir(struct dir_context *ctx, const struct proc_entry *e,
		   int n, u32 dir_ino)
{
	int at = 2;

	if (ctx->pos == 0 && !proc_emit(ctx, ".", dir_ino, FT_DIR))
		return false;
	if (ctx->pos == 1 && !proc_emit(ctx, "..", dir_ino, FT_DIR))
		return false;
	for (int i = 0; i < n; i++) {
		if (e[i].parent != ino_kind(dir_ino))
			continue;
		if (ctx->pos == at && !proc_emit(ctx, e[i].name,
				proc_ino(ino_id(dir_ino), ino_thread(dir_ino),
					 e[i].kind), fs_umode_to_ftype(e[i].mode)))
			return false;
		at++;
	}
	return true;
}

/* proc_parent — the directory above dir_ino, for "..". */
static u32 proc_parent(u32 dir_ino)
{
	int kind = ino_kind(dir_ino), id = ino_id(dir_ino);
	struct task_struct *t;

	if (kind == PID_TASK)
		return proc_ino(id, false, PID_DIR);
	if (kind == PID_DIR && ino_thread(dir_ino)) {
		t = proc_task(dir_ino);
		return proc_ino(t ? t->tgid : id, false, PID_TASK);
	}
	if (kind == PID_DIR)
		return proc_ino(0, false, PROC_ROOT);
	return proc_ino(0, false, proc_entry_of(dir_ino)->parent);
}

static int proc_dir_lookup(struct inode *dir, const char *name, u32 len,
			   struct inode **res)
{
	if (len == 1 && name[0] == '.') {
		*res = igrab(dir);
		return 0;
	}
	if (len == 2 && !memcmp(name, "..", 2)) {
		*res = iget(dir->i_sb, proc_parent(dir->i_ino));
		return IS_ERR(*res) ? PTR_ERR(*res) : 0;
	}
	if (ino_kind(dir->i_ino) >= PID_DIR)
		return proc_pid_lookup(dir, name, len, res);
	return proc_root_lookup(dir, name, len, res);
}

static int proc_dir_readdir(struct file *f, struct dir_context *ctx)
{
	if (ino_kind(f->f_inode->i_ino) >= PID_DIR)
		return proc_pid_readdir(f, ctx);
	return proc_root_readdir(f, ctx);
}

const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_dir_lookup,
};

const struct file_operations proc_dir_operations = {
	.readdir = proc_dir_readdir,
};
