/* kernel/mm/mm.h — address spaces: creation, areas, faults, brk/mmap. */
#ifndef CLONIX_MM_H
#define CLONIX_MM_H

#include "mm_types.h"

#define TASK_SIZE	PAGE_OFFSET		/* user space ends here */
#define STACK_TOP	TASK_SIZE		/* the initial stack's top */
#define STACK_LIMIT	(8UL << 20)		/* RLIMIT_STACK default: 8 MiB */
#define MMAP_BASE	0x40000000UL		/* bottom-up mmap area start */

/* handle_mm_fault's answer (STYLE 7) */
enum vm_fault {
	VM_FAULT_DONE,
	VM_FAULT_SIGSEGV,
	VM_FAULT_OOM,
	VM_FAULT_SIGBUS,	/* past the end of a file's object */
};

struct mm_struct *mm_alloc(void);
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int insert_vm_area(struct mm_struct *mm, unsigned long start,
		   unsigned long end, u32 flags);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int split_range(struct mm_struct *mm, unsigned long start, unsigned long end);
bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
bool may_expand_vm(struct mm_struct *mm, unsigned long npages);
bool out_of_memory(void);
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     u32 vm_flags, bool fixed, struct address_space *obj,
	     unsigned long pgoff, struct file *file);
void vma_attach(struct vm_area_struct *v, struct address_space *m,
		unsigned long pgoff, struct file *file);
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		u32 vm_flags);
bool expand_stack(struct vm_area_struct *vma, unsigned long addr);

enum vm_fault handle_mm_fault(struct vm_area_struct *vma,
			      unsigned long addr, bool write);
void zap_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end);
u32 vm_get_page_prot(u32 vm_flags);
void change_protection(struct vm_area_struct *vma);
int copy_page_range(struct mm_struct *dst_mm, struct vm_area_struct *vma);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
struct page *exec_get_page(struct mm_struct *mm, unsigned long va);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len);

#endif
