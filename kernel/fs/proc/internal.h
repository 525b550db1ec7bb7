/* kernel/fs/proc/internal.h — procfs, the kernel's state as files
 * (Linux fs/proc/; ULK 12 mentions it, TLPI 12.1 tours it). Nothing is
 * stored: a file's text is made when it is read, and an inode number says
 * what a file is:
 *	ino = id << 8 | thread << 7 | kind
 * id is a PID (0 for the files about the whole system), thread marks the
 * /proc/PID/task/TID view of one thread, kind is an entry below. */
#ifndef CLONIX_PROC_INTERNAL_H
#define CLONIX_PROC_INTERNAL_H

#include "../fs.h"
#include "../../task/sched.h"

enum proc_kind {
	/* the system's files */
	PROC_ROOT = 1, PROC_SELF, PROC_THREAD_SELF, PROC_MOUNTS, PROC_CPUINFO,
	PROC_MEMINFO, PROC_UPTIME, PROC_LOADAVG, PROC_STAT, PROC_VERSION,
	PROC_SYS, PROC_SYS_KERNEL, PROC_PID_MAX, PROC_THREADS_MAX,
	PROC_TAINTED, PROC_VMSTAT, PROC_INTERRUPTS,
	/* a process's (or, with the thread bit, one thread's) */
	PID_DIR = 32, PID_STAT, PID_STATUS, PID_CMDLINE, PID_COMM, PID_EXE,
	PID_MAPS, PID_SHARING, PID_TRACE, PID_FRAMES, PID_CWD, PID_ROOT,
	PID_MOUNTS, PID_MOUNTINFO, PID_TASK,
};

#define PROC_THREAD	0x80
#define proc_ino(id, thread, kind) \
	((u32)(id) << 8 | ((thread) ? PROC_THREAD : 0) | (kind))
#define ino_id(ino)	((int)((ino) >> 8))
#define ino_thread(ino)	(((ino) & PROC_THREAD) != 0)
#define ino_kind(ino)	((ino) & 0x7f)

/* one name in a directory, and how to make its text */
struct proc_entry {
	const char *name;
	u8 kind, parent;	/* parent: the directory's kind */
	u16 mode;		/* S_IFDIR 0555, S_IFREG 0444, S_IFLNK 0777 */
	int (*show)(struct task_struct *t, bool thread, char *buf, int size);
	/* the few files that take writes: the text written, NUL-ended */
	int (*store)(struct task_struct *t, const char *text);
};

/* inode.c */
int show_mounts(struct task_struct *t, bool th, char *buf, int size);
int proc_lookup_in(const struct proc_entry *e, int n, struct inode *dir,
		   const char *name, u32 len, struct inode **res);
bool proc_fill_dir(struct dir_context *ctx, const struct proc_entry *e,
		   int n, u32 dir_ino);
bool proc_emit(struct dir_context *ctx, const char *name, u32 ino, u8 type);
const struct proc_entry *proc_entry_of(u32 ino);
struct task_struct *proc_task(u32 ino);
extern const struct inode_operations proc_dir_inode_operations;
extern const struct file_operations proc_dir_operations;

/* root.c */
extern const struct proc_entry proc_root_entries[];
extern const int proc_root_count;
int proc_root_readdir(struct file *f, struct dir_context *ctx);
int proc_root_lookup(struct inode *dir, const char *name, u32 len,
		     struct inode **res);
int proc_parse_pid(const char *name, u32 len);

/* base.c */
extern const struct proc_entry proc_pid_entries[];
extern const int proc_pid_count;
int proc_pid_readdir(struct file *f, struct dir_context *ctx);
int proc_pid_lookup(struct inode *dir, const char *name, u32 len,
		    struct inode **res);
int proc_pid_get_link(struct inode *inode, char *buf, int size);

/* array.c */
int proc_pid_stat(struct task_struct *t, bool thread, char *buf, int size);
int proc_pid_status(struct task_struct *t, bool thread, char *buf, int size);
int proc_pid_sharing(struct task_struct *t, bool thread, char *buf, int size);

#endif
