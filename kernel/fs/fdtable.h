/* kernel/fs/fdtable.h — files_struct and fs_struct: the two per-process
 * file tables that CLONE_FILES and CLONE_FS share (ULK 12.2.2-3). */
#ifndef CLONIX_FDTABLE_H
#define CLONIX_FDTABLE_H

#include "fs.h"

#define NR_OPEN_DEFAULT	1024	/* RLIMIT_NOFILE's default soft limit */

struct files_struct {
	int count;			/* tasks sharing it (CLONE_FILES) */
	unsigned int id;		/* a number for the sharing view */
	struct file **fd;		/* NR_OPEN_DEFAULT slots */
	u32 close_on_exec[NR_OPEN_DEFAULT / 32];
};

struct fs_struct {
	int users;			/* tasks sharing it (CLONE_FS) */
	unsigned int id;
	u16 umask;
	struct inode *root, *pwd;
};

struct files_struct *alloc_files(void);
struct files_struct *dup_fd(struct files_struct *old);
void get_files_struct(struct files_struct *files);
void put_files_struct(struct files_struct *files);
struct file *fget(unsigned int fd);
bool fd_is_open(unsigned int fd);
unsigned int fd_limit(void);
int get_unused_fd(unsigned int from);
void fd_install(unsigned int fd, struct file *f, bool cloexec);
void replace_fd(unsigned int fd, struct file *f, bool cloexec);
int close_fd(unsigned int fd);
void do_close_on_exec(struct files_struct *files);
bool fd_cloexec(unsigned int fd);
void set_cloexec(unsigned int fd, bool on);

struct fs_struct *alloc_fs_struct(struct inode *root);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void get_fs_struct(struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);
void set_fs_pwd(struct fs_struct *fs, struct inode *dir);
void set_fs_root(struct fs_struct *fs, struct inode *dir);

long do_sys_open_kernel(const char *path, u32 flags);
struct file *filp_open(const char *path, u32 flags);
long sys_dup(unsigned int oldfd);

#endif
