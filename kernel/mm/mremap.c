/* kernel/mm/mremap.c — mremap(2): shrink, grow in place, or move an
 * area with its pages. Linux mm/mremap.c (move_vma, move_page_tables);
 * ULK 9.3.4. A move takes the PTEs themselves to the new address: no
 * page is copied, a file mapping keeps its offset, a private page its
 * copy-on-write state. MREMAP_DONTUNMAP and an old size of 0 (a second
 * mapping of shared memory) are not offered: EINVAL. */
#include "mm.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/mman.h>

/* prepare_ptes — page tables of their own for both ranges (len bytes),
 * made before anything moves, so that a move never stops half-way. */
static int prepare_ptes(struct mm_struct *mm, unsigned long from,
			unsigned long to, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += PAGE_SIZE)
		if (unshare_pte_table(mm->pgd, from + off) ||
		    unshare_pte_table(mm->pgd, to + off) ||
		    !pte_alloc(mm->pgd, to + off))
			return -ENOMEM;
	return 0;
}

/* move_vma — [old, old+old_len), one area after the split, goes to
 * [new, new+new_len) (free): the new area, the PTEs, the old area gone. */
static long move_vma(struct mm_struct *mm, unsigned long old,
		     unsigned long old_len, unsigned long new,
		     unsigned long new_len)
{
	struct vm_area_struct *v, *n;

	if (split_range(mm, old, old + old_len) ||
	    prepare_ptes(mm, old, new, old_len) ||
	    insert_vm_area(mm, new, new + new_len, find_vma(mm, old)->vm_flags))
		return -ENOMEM;
	v = find_vma(mm, old);
	n = find_vma(mm, new);
	if (v->vm_mapping)
		vma_attach(n, v->vm_mapping, v->vm_pgoff, v->vm_file);
	for (unsigned long off = 0; off < old_len; off += PAGE_SIZE) {
		pte_t *src = pte_lookup(mm->pgd, old + off);

		if (src && (*src & PTE_P)) {
			set_pte(pte_lookup(mm->pgd, new + off), *src);
			set_pte(src, 0);
		}
	}
	flush_tlb_mm(mm->pgd);
	do_munmap(mm, old, old_len);	/* the area; its PTEs are gone */
	return new;
}

/* grow_in_place — the area ends at addr+old_len and the space after it
 * is free: it just gets longer. */
static bool grow_in_place(struct mm_struct *mm, struct vm_area_struct *v,
			  unsigned long addr, unsigned long old_len,
			  unsigned long new_len)
{
	if (v->vm_end != addr + old_len || addr + new_len > TASK_SIZE ||
	    !range_free(mm, v->vm_end, addr + new_len))
		return false;
	mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
	v->vm_end = addr + new_len;
	return true;
}

/* mremap_fixed — MREMAP_FIXED: to new_addr exactly, what was there
 * unmapped first; the ranges may not overlap. */
static long mremap_fixed(struct mm_struct *mm, unsigned long addr,
			 unsigned long old_len, unsigned long new_len,
			 unsigned long new_addr)
{
	struct vm_area_struct *v;
	long err;

	if (!IS_ALIGNED(new_addr, PAGE_SIZE) || new_len > TASK_SIZE ||
	    new_addr > TASK_SIZE - new_len ||
	    (new_addr < addr + old_len && addr < new_addr + new_len))
		return -EINVAL;
	if ((err = do_munmap(mm, new_addr, new_len)))
		return err;
	if (old_len > new_len) {
		if ((err = do_munmap(mm, addr + new_len, old_len - new_len)))
			return err;
		old_len = new_len;
	}
	v = find_vma(mm, addr);
	if (!v || v->vm_start > addr || old_len > v->vm_end - addr)
		return -EFAULT;
	return move_vma(mm, addr, old_len, new_addr, new_len);
}

long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;

	if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) ||
	    ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) ||
	    !IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	if (!new_len || !old_len)
		return -EINVAL;
	if (flags & MREMAP_FIXED)
		return mremap_fixed(mm, addr, old_len, new_len, new_addr);
	if (old_len >= new_len) {	/* shrink: do_munmap checks the range */
		long err = old_len > new_len ?
			   do_munmap(mm, addr + new_len, old_len - new_len) : 0;

		return err ? err : (long)addr;
	}
	v = find_vma(mm, addr);
	if (!v || v->vm_start > addr || old_len > v->vm_end - addr)
		return -EFAULT;
	if (!may_expand_vm(mm, (new_len - old_len) >> PAGE_SHIFT))
		return -ENOMEM;
	if (grow_in_place(mm, v, addr, old_len, new_len))
		return addr;
	if (!(flags & MREMAP_MAYMOVE) || !(new_addr = get_unmapped_area(mm, new_len)))
		return -ENOMEM;
	return move_vma(mm, addr, old_len, new_addr, new_len);
}
