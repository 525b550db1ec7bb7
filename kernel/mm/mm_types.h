/* kernel/mm/mm_types.h — the address space: mm_struct and its VM areas.
 * Linux include/linux/mm_types.h; ULK 9.2 "The Memory Descriptor" and
 * 9.3 "Memory Regions". A sorted list of areas stands in for Linux's
 * maple tree: processes here have tens of areas, not thousands. */
#ifndef CLONIX_MM_TYPES_H
#define CLONIX_MM_TYPES_H

#include "pgtable.h"
#include "../lib/list.h"
#include "../lib/spinlock.h"
#include "pagemap.h"

/* vm_flags (Linux include/linux/mm.h) */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_GROWSDOWN	0x00000100	/* the stack: grows on a fault below */
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

struct mm_struct;
struct file;

struct vm_area_struct {
	unsigned long vm_start, vm_end;	/* [vm_start, vm_end), page-aligned */
	u32 vm_flags;
	/* what the area shows: a file's page cache or a shared memory
	 * object from page vm_pgoff on; NULL for anonymous private memory */
	struct address_space *vm_mapping;
	unsigned long vm_pgoff;
	struct file *vm_file;		/* the mapped file (a reference), or NULL */
	struct list_head vm_shared;	/* in vm_mapping->i_mmap */
	struct mm_struct *vm_mm;
	struct list_head vm_list;	/* in mm->mmap, by address */
};

struct mm_struct {
	pgd_t *pgd;
	struct list_head mmap;		/* the VM areas, sorted */
	int map_count;
	int mm_users;			/* tasks using this address space */
	unsigned int id;		/* a number for the sharing view */
	spinlock_t page_table_lock;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;		/* pages mapped by the areas */
	unsigned long rss, hiwater_rss;	/* frames mapped now / at most */
	unsigned long rss_file;		/* of rss: page cache pages (text...) */
	unsigned long rss_shmem;	/* of rss: shared memory, tmpfs */
	int dumpable;			/* prctl(PR_SET_DUMPABLE): 1 after exec */
	char *exe_path;			/* the program exec loaded (kmalloc'd;
					   /proc/PID/exe) */
};

#endif
