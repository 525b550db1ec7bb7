/* kernel/fs/tmpfs/tmpfs.h — a file system in memory (Linux mm/shmem.c's
 * tmpfs), mounted on /dev/shm for POSIX shared memory (shm_open), and
 * wherever mount(2) puts another instance. A directory is a list of names
 * in memory; a file's data is an address_space with no disk behind
 * (kernel/mm/filemap.c), the same frames that read, write and every
 * MAP_SHARED mapping of it use: they are coherent by construction. */
#ifndef CLONIX_TMPFS_H
#define CLONIX_TMPFS_H

#include "../fs.h"
#include "../../mm/mm.h"

struct tmpfs_dentry {
	struct list_head list;
	struct inode *inode;		/* the name's reference */
	u32 len;
	char name[];
};

struct tmpfs_dir {
	struct list_head entries;
	struct inode *parent;		/* for ".." (the root: itself) */
};

extern const struct file_operations tmpfs_file_operations;

void tmpfs_init(void);
struct inode *tmpfs_new_inode(struct super_block *sb, u16 mode);
void tmpfs_evict_file(struct inode *inode);

#endif
