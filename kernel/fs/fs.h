/* kernel/fs/fs.h — the virtual file system: super blocks, inodes, open
 * files and their operations. Linux include/linux/fs.h, much reduced;
 * ULK 12. There is no dentry cache: path lookup asks the directories
 * each time (a "dentry-lite" design), and getcwd walks ".." upward. */
#ifndef CLONIX_FS_H
#define CLONIX_FS_H

#include "../lib/kernel.h"
#include "../lib/list.h"
#include "buffer.h"
#include <asm/fcntl.h>
#include <asm/stat.h>

#define PATH_MAX	4096
#define MAX_NESTED_LINKS	8	/* links within links (Linux: 40 in all) */
#define NAME_MAX	255


struct inode;
struct file;
struct super_block;
struct address_space;
struct kstatfs;

struct super_operations {
	int (*read_inode)(struct inode *inode);
	int (*write_inode)(struct inode *inode);
	void (*evict_inode)(struct inode *inode);	/* last link gone */
	void (*sync_fs)(struct super_block *sb);
	/* the counts statfs(2) reports (f_type, f_bsize, f_namelen are
	 * filled from the super block before) */
	void (*statfs)(struct super_block *sb, struct kstatfs *st);
};

/* struct kstatfs — what statfs(2) says of a file system (Linux's). */
struct kstatfs {
	u32 f_type, f_bsize, f_namelen;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
};

struct super_block {
	u32 s_magic;			/* statfs's f_type: EXT2_SUPER_MAGIC... */
	u32 s_blocksize;
	u32 s_dev;
	const struct super_operations *s_op;
	void *s_fs_info;
	struct inode *s_root;
	/* no name can be made here: a lookup of a missing one is final
	 * (procfs: ENOENT for mkdir, creat, link, symlink, rename's target,
	 * as Linux's proc lookup fails instead of leaving a free name) */
	bool s_fixed_names;
};

struct inode_operations {
	int (*lookup)(struct inode *dir, const char *name, u32 len,
		      struct inode **res);
	int (*create)(struct inode *dir, const char *name, u32 len,
		      u16 mode, struct inode **res);
	int (*mkdir)(struct inode *dir, const char *name, u32 len, u16 mode);
	int (*unlink)(struct inode *dir, const char *name, u32 len);
	int (*rmdir)(struct inode *dir, const char *name, u32 len);
	int (*rename)(struct inode *odir, const char *oname, u32 olen,
		      struct inode *ndir, const char *nname, u32 nlen);
	/* a symbolic link's target into buf (NUL-terminated): its length */
	int (*get_link)(struct inode *inode, char *buf, int size);
	/* a new symbolic link name in dir, pointing at target */
	int (*symlink)(struct inode *dir, const char *name, u32 len,
		       const char *target);
	/* a FIFO, socket or device node named name in dir */
	int (*mknod)(struct inode *dir, const char *name, u32 len, u16 mode,
		     u32 rdev);
	/* one more name, in dir, for the file inode (a hard link) */
	int (*link)(struct inode *inode, struct inode *dir, const char *name,
		    u32 len);
};

/* struct dir_context — where readdir puts entries (getdents64). */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, u32 len,
		      loff_t next_pos, u32 ino, u8 type);
	loff_t pos;
};

/* the file types a directory entry carries (ext2's on-disk numbers, which
 * readdir.c turns into getdents64's d_type); Linux fs_umode_to_ftype */
#define FT_DIR		2	/* ".", ".." */

static inline u8 fs_umode_to_ftype(u16 mode)
{
	static const u8 types[16] = {
		[S_IFREG >> 12] = 1, [S_IFDIR >> 12] = 2, [S_IFCHR >> 12] = 3,
		[S_IFBLK >> 12] = 4, [S_IFIFO >> 12] = 5, [S_IFSOCK >> 12] = 6,
		[S_IFLNK >> 12] = 7 };

	return types[(mode & S_IFMT) >> 12];
}

struct poll_table;

struct file_operations {
	long (*read)(struct file *f, char *ubuf, u32 count, loff_t *pos);
	long (*write)(struct file *f, const char *ubuf, u32 count,
		      loff_t *pos);
	int (*readdir)(struct file *f, struct dir_context *ctx);
	int (*open)(struct inode *inode, struct file *f);
	void (*release)(struct inode *inode, struct file *f);
	long (*ioctl)(struct file *f, u32 cmd, u32 arg);
	int (*truncate)(struct inode *inode, u32 size);
	/* this file's data and inode to the disk (fsync, fdatasync) */
	int (*fsync)(struct inode *inode, bool datasync);
	/* read into kernel memory (exec) */
	long (*kread)(struct inode *inode, u32 pos, void *buf, u32 n);
	/* append from kernel memory, all or nothing (acct) */
	long (*kappend)(struct inode *inode, const void *buf, u32 n);
	/* the pages a mapping of the file shows (a reference for it) */
	int (*mmap)(struct file *f, struct address_space **obj);
	/* what poll would find now (POLLIN ...); poll_wait on the queues
	 * that wake a waiter (kernel/fs/poll.h) */
	u32 (*poll)(struct file *f, struct poll_table *pt);
};

struct inode {
	u32 i_ino;
	u16 i_mode;
	u32 i_uid, i_gid;
	u32 i_nlink;
	u32 i_size;
	u32 i_atime, i_mtime, i_ctime, i_dtime;
	u32 i_blocks;			/* 512-byte units */
	u32 i_rdev;			/* device nodes: major << 8 | minor */
	u32 i_flags;
	u32 i_data[15];			/* the file system's block map */
	int i_count;			/* references (fds, cwd, lookups) */
	bool i_dirty;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct list_head i_hash;
	void *i_private;		/* a pipe; a tmpfs file's pages */
	/* a regular file on disk: its page cache (kernel/mm/filemap.c) */
	struct address_space *i_mapping;
	struct list_head i_lru;		/* unused, kept for its cache */
	struct list_head i_flock;	/* its file locks (kernel/fs/locks.c) */
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2

struct file {
	int f_count;			/* fd slots and dups sharing it */
	u32 f_flags;			/* O_* flags given to open */
	u32 f_mode;			/* FMODE_READ | FMODE_WRITE */
	loff_t f_pos;
	struct inode *f_inode;
	const struct file_operations *f_op;
	void *private_data;
	char *f_path;			/* a regular file: its path when opened
					   (kmalloc'd; /proc/PID/maps) */
};

/* inode.c */
void inode_init(u32 boot_epoch);
struct inode *iget(struct super_block *sb, u32 ino);
struct inode *new_inode(struct super_block *sb, u32 ino);
struct inode *igrab(struct inode *inode);
void iput(struct inode *inode);
void mark_inode_dirty(struct inode *inode);
void init_special_inode(struct inode *inode);
struct inode *console_inode(void);
u32 current_time(void);
/* super.c (the VFS side) */
int mount_root(void);
extern struct super_block *root_sb;
int do_sync(void);
int vfs_fsync(struct file *f, bool datasync);
void writeback_init(void);
/* namei.c */
int getname(const char *upath, char **kpath);
void putname(char *kpath);
int path_lookup(int dfd, const char *path, bool follow, struct inode **res);
int user_path_at(int dfd, const char *upath, int flag, struct inode **res);
int path_parent(int dfd, const char *path, struct inode **dir,
		const char **last, u32 *len);
int may_access(struct inode *inode, int mask);
int may_delete(struct inode *dir, struct inode *inode);
bool owner_or_capable(struct inode *inode);
/* read_write.c */
long simple_read_from_buffer(char *ubuf, u32 count, loff_t *pos,
			     const char *from, u32 available);
/* dirops.c */
char *absolute_path(const char *path);
/* infodev.c: /dev/tasks, /dev/kstat, /dev/fail-nth */
int info_open(struct inode *inode, struct file *f);
/* proc/inode.c, tmpfs/dir.c */
void proc_init(void);
void tmpfs_init(void);
/* namespace.c */
int kern_mount(const char *fstype, const char *path);
/* locks.c */
struct files_struct;
long fcntl_lock(struct file *f, unsigned int cmd, void *uarg, bool wide);
void locks_remove_posix(struct file *f, struct files_struct *owner);
void locks_remove_file(struct file *f);
/* pipe.c */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned int size);
extern const struct file_operations fifo_fops;
struct inode *proc_mount(void);
void proc_kill_sb(struct inode *root);
int proc_refs(struct inode *inode);
struct inode *tmpfs_mount(void);
void tmpfs_kill_sb(struct inode *root);
int tmpfs_refs(struct inode *inode);
bool sb_busy(struct super_block *sb, int (*own_refs)(struct inode *inode));
void follow_mount(struct inode **inode);
bool is_mountpoint(struct inode *inode);
struct inode *mountpoint_of(struct inode *root);
int render_mounts(char *buf, int size);
int render_mountinfo(char *buf, int size);
struct task_struct;
char *task_dir_path(struct task_struct *t, bool root);
/* generic_file.c: files whose bytes are in their page cache */
long generic_file_read(struct address_space *m, char *ubuf, u32 count,
		       loff_t *pos);
long generic_file_write(struct address_space *m, const char *buf, u32 count,
			loff_t *pos, bool kernel);
long generic_kernel_read(struct address_space *m, u32 pos, void *buf, u32 n);
int generic_truncate(struct address_space *m, u32 size);
/* file_table.c */
struct file *alloc_file(struct inode *inode, u32 flags,
			const struct file_operations *fop);
struct file *get_file(struct file *f);
void fput(struct file *f);

#endif
