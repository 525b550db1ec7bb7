/* kernel/lib/objstat.h — create/destroy counters for every refcounted
 * kernel object, so that a leak shows (STYLE 19). Each kind is counted
 * where it is allocated and where it is freed, in one place per kind;
 * alive is the difference. Of what is alive, a cache may hold some on
 * purpose (kmalloc's own pages among the frames, the block cache's
 * buffers among the kmalloc bytes): its owner counts that as cached.
 * /dev/kstat shows the table, power_off() prints it, and init compares
 * alive − cached, the part in use, before and after a program: a leak
 * names the object that was not given back. */
#ifndef CLONIX_OBJSTAT_H
#define CLONIX_OBJSTAT_H

#include "kernel.h"

enum kobj {
	KOBJ_TASK,	/* task_struct + kernel stack (fork.c) */
	KOBJ_MM,	/* mm_struct (mm/mmap.c) */
	KOBJ_VMA,	/* vm_area_struct (mm/mmap.c) */
	KOBJ_FILES,	/* files_struct, the fd table (fs/fdtable.c) */
	KOBJ_FS,	/* fs_struct: root, cwd, umask (fs/fdtable.c) */
	KOBJ_SIGHAND,	/* sighand_struct (task/signal.c) */
	KOBJ_SIGNAL,	/* signal_struct (task/signal.c) */
	KOBJ_SIGQUEUE,	/* a queued siginfo (task/signal.c) */
	KOBJ_FILE,	/* struct file (fs/file_table.c) */
	KOBJ_INODE,	/* in-memory inode (fs/inode.c) */
	KOBJ_PIPE,	/* pipe_inode_info (fs/pipe.c) */
	KOBJ_SHMEM,	/* shared anonymous memory object (mm/shmem.c) */
	KOBJ_FRAME,	/* page frames from the buddy allocator */
	KOBJ_KMALLOC,	/* kmalloc bytes (ksize of each block) */
	NR_KOBJ
};

struct kobj_count {
	unsigned long created, destroyed;
	unsigned long cached;		/* of those alive, held by a cache */
};

extern struct kobj_count kobj_counts[NR_KOBJ];

/* Uniprocessor: an increment is one instruction, safe against interrupts. */
static inline void kobj_add(enum kobj k, unsigned long n)
{
	kobj_counts[k].created += n;
}

static inline void kobj_sub(enum kobj k, unsigned long n)
{
	kobj_counts[k].destroyed += n;
}

/* kobj_cache — a cache took n alive objects (or gave them back, n < 0) */
static inline void kobj_cache(enum kobj k, long n)
{
	kobj_counts[k].cached += n;
}

#define kobj_new(k)	kobj_add(k, 1)
#define kobj_del(k)	kobj_sub(k, 1)

unsigned long kobj_alive(enum kobj k);
int kobj_render(char *buf, int size);
void kobj_show(void);

#endif
