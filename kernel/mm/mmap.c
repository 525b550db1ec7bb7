/* kernel/mm/mmap.c — VM areas: lookup, insertion, splitting, mmap,
 * munmap, mprotect and stack growth. Linux mm/mmap.c and mm/mprotect.c;
 * ULK 9.3 "Memory Regions". Areas are kept sorted by address in
 * mm->mmap and never overlap; an area is split where an operation covers
 * only part of it. */
#include "mm.h"
#include "../lib/objstat.h"
#include "../lib/string.h"
#include "kmalloc.h"
#include "page.h"
#include "../task/signal.h"
#include "../fs/fs.h"
#include <asm/errno.h>

#define vma_next(v)	list_entry((v)->vm_list.next, struct vm_area_struct, vm_list)
#define list_is_last_vma(mm, v)	((v)->vm_list.next == &(mm)->mmap)

/* find_vma — the first area that ends above addr (it may start above it
 * too: the caller checks vm_start <= addr when it needs containment). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, vm_list)
		if (v->vm_end > addr)
			return v;
	return NULL;
}

static struct vm_area_struct *vma_alloc(struct mm_struct *mm,
					unsigned long start,
					unsigned long end, u32 flags)
{
	struct vm_area_struct *v = kzalloc(sizeof(*v));

	if (v) {
		kobj_new(KOBJ_VMA);
		v->vm_start = start;
		v->vm_end = end;
		v->vm_flags = flags;
		v->vm_mm = mm;
		INIT_LIST_HEAD(&v->vm_shared);
	}
	return v;
}

/* vma_attach — v shows m from page pgoff on (its own reference to m, and
 * to file if there is one), and is on m's list of areas. */
void vma_attach(struct vm_area_struct *v, struct address_space *m,
		unsigned long pgoff, struct file *file)
{
	mapping_get(m);
	v->vm_mapping = m;
	v->vm_pgoff = pgoff;
	v->vm_file = file ? get_file(file) : NULL;
	list_add_tail(&v->vm_shared, &m->i_mmap);
	if (v->vm_flags & VM_SHARED)
		m->nr_shared++;
}

static void vma_detach(struct vm_area_struct *v)
{
	if (!v->vm_mapping)
		return;
	list_del(&v->vm_shared);
	if (v->vm_flags & VM_SHARED)
		v->vm_mapping->nr_shared--;
	mapping_put(v->vm_mapping);
	if (v->vm_file)
		fput(v->vm_file);
}

/* link_vma — insert v in address order (its range must be free). */
static void link_vma(struct mm_struct *mm, struct vm_area_struct *v)
{
	struct vm_area_struct *next = find_vma(mm, v->vm_start);

	list_add_tail(&v->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	mm->total_vm += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
}

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *v)
{
	vma_detach(v);
	list_del(&v->vm_list);
	mm->map_count--;
	mm->total_vm -= (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	kobj_del(KOBJ_VMA);
	kfree(v);
}

int insert_vm_area(struct mm_struct *mm, unsigned long start,
		   unsigned long end, u32 flags)
{
	struct vm_area_struct *v = vma_alloc(mm, start, end, flags);

	if (!v)
		return -ENOMEM;
	link_vma(mm, v);
	return 0;
}

/* split_vma — cut v in two at addr; the new area is the upper part. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *v,
		     unsigned long addr)
{
	struct vm_area_struct *hi;

	if (addr <= v->vm_start || addr >= v->vm_end)
		return 0;
	hi = vma_alloc(mm, addr, v->vm_end, v->vm_flags);
	if (!hi)
		return -ENOMEM;
	if (v->vm_mapping)
		vma_attach(hi, v->vm_mapping,
			   v->vm_pgoff + ((addr - v->vm_start) >> PAGE_SHIFT),
			   v->vm_file);
	v->vm_end = addr;
	list_add(&hi->vm_list, &v->vm_list);
	mm->map_count++;
	return 0;
}

/* split_range — make start and end area boundaries: cut the area start
 * falls in, and the one end falls in, which may be another area. */
int split_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *v = find_vma(mm, start);

	if (v && split_vma(mm, v, start))
		return -ENOMEM;
	v = find_vma(mm, end);
	return v && split_vma(mm, v, end) ? -ENOMEM : 0;
}

/* do_munmap — remove [start, start+len): split the areas at both ends,
 * drop the pages, free the areas in between. The range is checked here,
 * for every caller (munmap, mremap, brk, MAP_FIXED), as Linux's
 * do_munmap does: page-aligned, not empty, inside user space (EINVAL).
 * A range reaching the kernel's page directory entries would free its
 * frames as if they were a process's. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end;
	struct vm_area_struct *v, *next;

	if (!IS_ALIGNED(start, PAGE_SIZE) || !len || len > TASK_SIZE ||
	    start > TASK_SIZE - len)
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (split_range(mm, start, end))
		return -ENOMEM;
	zap_page_range(mm, start, end);
	for (v = find_vma(mm, start); v && v->vm_start < end; v = next) {
		next = list_is_last_vma(mm, v) ? NULL : vma_next(v);
		unlink_vma(mm, v);
	}
	return 0;
}

/* range_free — no area intersects [start, end). */
bool range_free(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *v = find_vma(mm, start);

	return !v || v->vm_start >= end;
}

/* get_unmapped_area — first fit from MMAP_BASE upward (Linux's legacy
 * i386 layout, TASK_UNMAPPED_BASE = TASK_SIZE / 3). */
unsigned long get_unmapped_area(struct mm_struct *mm,
				       unsigned long len)
{
	unsigned long addr = MMAP_BASE;
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, vm_list) {
		if (v->vm_end <= addr)
			continue;
		if (v->vm_start >= addr + len)
			break;
		addr = v->vm_end;
	}
	return addr + len <= TASK_SIZE - STACK_LIMIT ? addr : 0;
}

/* attach_shmem — give a new shared anonymous area its object. */
static int attach_shmem(struct mm_struct *mm, unsigned long addr,
			unsigned long len)
{
	struct address_space *m = mapping_alloc(NULL, NULL, len >> PAGE_SHIFT);

	if (!m) {
		do_munmap(mm, addr, len);
		return -ENOMEM;
	}
	vma_attach(find_vma(mm, addr), m, 0, NULL);
	mapping_put(m);
	return 0;
}

/* pages_in_range — how many pages of [start, end) are mapped. */
static unsigned long pages_in_range(struct mm_struct *mm, unsigned long start,
				    unsigned long end)
{
	struct vm_area_struct *v;
	unsigned long n = 0;

	list_for_each_entry(v, &mm->mmap, vm_list)
		if (v->vm_end > start && v->vm_start < end)
			n += (MIN(v->vm_end, end) - MAX(v->vm_start, start)) >>
			     PAGE_SHIFT;
	return n;
}

/* may_expand_vm — may mm grow by npages more? Linux mm/mmap.c: not past
 * RLIMIT_AS, and (the "guess" overcommit policy) no single request larger
 * than all of RAM (we have no swap). Both refusals are -ENOMEM. */
bool may_expand_vm(struct mm_struct *mm, unsigned long npages)
{
	if (npages > totalram_pages())
		return false;
	return mm->total_vm + npages <= rlimit(RLIMIT_AS) >> PAGE_SHIFT;
}

/* do_mmap — an area of len bytes at addr (exactly there when fixed, else
 * addr is a hint): anonymous, or showing obj (a file's page cache, or a
 * tmpfs file's pages) from page pgoff on, obj and file with references
 * of the area's own. Returns the address
 * or -errno. Linux's get_unmapped_area: a fixed range beyond user space is
 * -ENOMEM; a hint that does not fit there, or is taken, is ignored (first
 * fit instead). */
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     u32 vm_flags, bool fixed, struct address_space *obj,
	     unsigned long pgoff, struct file *file)
{
	int err;

	len = ALIGN_UP(len, PAGE_SIZE);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (addr > TASK_SIZE - len) {
		if (fixed)
			return -ENOMEM;
		addr = 0;
	}
	if (!may_expand_vm(mm, (len >> PAGE_SHIFT) -
			   (fixed ? pages_in_range(mm, addr, addr + len) : 0)))
		return -ENOMEM;
	if (fixed) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	} else if (!addr || !range_free(mm, addr, addr + len)) {
		addr = get_unmapped_area(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	err = insert_vm_area(mm, addr, addr + len, vm_flags);
	if (!err && obj) {
		vma_attach(find_vma(mm, addr), obj, pgoff, file);
		return addr;
	}
	if (!err && (vm_flags & VM_SHARED))
		err = attach_shmem(mm, addr, len);
	return err ? err : (long)addr;
}

/* may_write_file — mprotect(2): a shared mapping of a file opened
 * read-only never becomes writable (Linux: no VM_MAYWRITE, EACCES). */
static bool may_write_file(struct vm_area_struct *v, u32 vm_flags)
{
	return !(vm_flags & VM_WRITE) || !(v->vm_flags & VM_SHARED) ||
	       !v->vm_file || (v->vm_file->f_mode & FMODE_WRITE);
}

/* do_mprotect — set the access flags of [start, start+len), which must be
 * mapped throughout (else -ENOMEM, as Linux), and of its present pages. */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		u32 vm_flags)
{
	unsigned long end = start + ALIGN_UP(len, PAGE_SIZE), at = start;
	struct vm_area_struct *v;

	for (v = find_vma(mm, start); at < end; v = vma_next(v)) {
		if (!v || v->vm_start > at)
			return -ENOMEM;
		if (!may_write_file(v, vm_flags))
			return -EACCES;
		at = v->vm_end;
		if (list_is_last_vma(mm, v) && at < end)
			return -ENOMEM;
	}
	if (split_range(mm, start, end))
		return -ENOMEM;
	for (v = find_vma(mm, start); v && v->vm_start < end; v = vma_next(v)) {
		v->vm_flags = (v->vm_flags & ~VM_ACCESS_FLAGS) | vm_flags;
		change_protection(v);
		if (list_is_last_vma(mm, v))
			break;
	}
	return 0;
}

/* expand_stack — grow a VM_GROWSDOWN area down to addr, within the stack
 * limit and not into the area below it (ULK 9.4.1). */
bool expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev;

	addr = ALIGN_DOWN(addr, PAGE_SIZE);
	if (!(vma->vm_flags & VM_GROWSDOWN) || addr >= vma->vm_start)
		return addr >= vma->vm_start;
	if (vma->vm_end - addr > STACK_LIMIT)
		return false;
	if (vma->vm_list.prev != &mm->mmap) {
		prev = list_entry(vma->vm_list.prev, struct vm_area_struct,
				  vm_list);
		if (prev->vm_end > addr - PAGE_SIZE)	/* keep a guard gap */
			return false;
	}
	mm->total_vm += (vma->vm_start - addr) >> PAGE_SHIFT;
	vma->vm_start = addr;
	return true;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	kobj_new(KOBJ_MM);
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_users = 1;
	mm->dumpable = 1;		/* SUID_DUMP_USER */
	mm->id = next_object_id();
	return mm;
}

void mmget(struct mm_struct *mm)
{
	mm->mm_users++;
}

/* exit_mmap — every page, every area, the page tables: all gone. */
static void exit_mmap(struct mm_struct *mm)
{
	drop_shared_tables(mm->pgd);
	while (!list_empty(&mm->mmap)) {
		struct vm_area_struct *v = list_first_entry(&mm->mmap,
						struct vm_area_struct, vm_list);

		zap_page_range(mm, v->vm_start, v->vm_end);
		unlink_vma(mm, v);
	}
	pgd_free(mm->pgd);
}

/* mmput — drop a user; the last one frees the address space. The caller
 * must not be running on mm->pgd (exit switches to swapper_pg_dir). */
void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users > 0)
		return;
	exit_mmap(mm);
	kobj_del(KOBJ_MM);
	kfree(mm->exe_path);
	kfree(mm);
}

/* dup_mm — fork's copy of an address space (Linux dup_mm/dup_mmap):
 * the same areas, the page tables copied copy-on-write. */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v;

	if (!mm)
		return NULL;
	mm->dumpable = oldmm->dumpable;
	if (oldmm->exe_path &&
	    (mm->exe_path = kmalloc(strlen(oldmm->exe_path) + 1)))
		memcpy(mm->exe_path, oldmm->exe_path, strlen(oldmm->exe_path) + 1);
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	list_for_each_entry(v, &oldmm->mmap, vm_list) {
		struct vm_area_struct *n;

		if (insert_vm_area(mm, v->vm_start, v->vm_end, v->vm_flags)) {
			mmput(mm);
			return NULL;
		}
		n = find_vma(mm, v->vm_start);
		if (v->vm_mapping)
			vma_attach(n, v->vm_mapping, v->vm_pgoff, v->vm_file);
		if (copy_page_range(mm, v)) {
			mmput(mm);
			return NULL;
		}
	}
	mm->rss = mm->hiwater_rss = oldmm->rss;	/* the same frames mapped */
	mm->rss_file = oldmm->rss_file;
	mm->rss_shmem = oldmm->rss_shmem;
	flush_tlb_mm(oldmm->pgd);	/* the parent's entries lost PTE_W */
	return mm;
}
