/* kernel/mm/memory.c — page-level work on user address spaces: demand
 * zero pages, copy-on-write breaks, zapping ranges, protection changes.
 * Linux mm/memory.c (handle_mm_fault, do_anonymous_page, do_wp_page,
 * wp_page_reuse, wp_page_copy, zap_page_range); ULK 9.4 "Page Fault
 * Exception Handler". Its ancestor is Linux 0.11's un_wp_page: a write
 * to a shared frame copies it, a write to a frame with one user just
 * makes it writable again. */
#include "mm.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../task/sched.h"
#include "../cpu/x86.h"
#include <asm/errno.h>

/* vm_get_page_prot — PTE bits for an area's access flags. A private
 * writable page that is shared copy-on-write is mapped without PTE_W;
 * a PROT_NONE page is mapped without PTE_U, so user access faults. */
u32 vm_get_page_prot(u32 vm_flags)
{
	return (vm_flags & VM_ACCESS_FLAGS ? PTE_U : 0) |
	       (vm_flags & VM_WRITE ? PTE_W : 0);
}

/* inc_rss — one more frame mapped in mm (and the high-water mark). */
static void inc_rss(struct mm_struct *mm)
{
	if (++mm->rss > mm->hiwater_rss)
		mm->hiwater_rss = mm->rss;
}

/* do_anonymous_page — first touch of an anonymous page: a zeroed frame,
 * or for a shared area the object's frame (one more reference for this
 * mapping). */
static enum vm_fault do_anonymous_page(struct vm_area_struct *vma,
				       pte_t *pte, unsigned long addr)
{
	struct page *page;

	if (vma->vm_shmem) {
		unsigned long idx = vma->vm_pgoff +
				    ((addr - vma->vm_start) >> PAGE_SHIFT);

		if (idx >= shmem_npages(vma->vm_shmem))
			return VM_FAULT_SIGBUS;	/* past a file's end */
		page = shmem_page(vma->vm_shmem, idx);
		if (page)
			get_page(page);
	} else {
		page = alloc_zeroed_page();
	}
	if (!page)
		return VM_FAULT_OOM;
	set_pte(pte, page_to_phys(page) | vm_get_page_prot(vma->vm_flags) |
		PTE_P | (vma->vm_shmem ? PTE_SHMEM : 0));
	inc_rss(vma->vm_mm);
	flush_tlb_page(vma->vm_mm->pgd, addr);
	return VM_FAULT_DONE;
}

/* LAB cow: begin wp_helpers */
/* wp_page_reuse — the last user of a COW frame keeps it, writable. */
static enum vm_fault wp_page_reuse(struct vm_area_struct *vma, pte_t *pte,
				   unsigned long addr)
{
	set_pte(pte, (*pte & ~PTE_COW) | PTE_W);
	flush_tlb_page(vma->vm_mm->pgd, addr);
	trace(cow, "reuse %08lx pid %d: last user, made writable", addr,
	      current->pid);
	return VM_FAULT_DONE;
}

/* wp_page_copy — a shared COW frame: copy it, map the copy writable,
 * drop this mapping's reference to the old frame. */
static enum vm_fault wp_page_copy(struct vm_area_struct *vma, pte_t *pte,
				  unsigned long addr)
{
	struct page *old = pte_page(*pte);
	struct page *new = alloc_page();

	if (!new)
		return VM_FAULT_OOM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	set_pte(pte, page_to_phys(new) | vm_get_page_prot(vma->vm_flags) | PTE_P);
	flush_tlb_page(vma->vm_mm->pgd, addr);
	trace(cow, "copy %08lx pid %d: frame %lx had %d users", addr,
	      current->pid, page_to_pfn(old), page_ref_count(old));
	put_page(old);
	return VM_FAULT_DONE;
}
/* LAB cow: end wp_helpers */

/* do_wp_page — a write to a present page mapped read-only. */
static enum vm_fault do_wp_page(struct vm_area_struct *vma, pte_t *pte,
				unsigned long addr)
{
	/* LAB cow: begin do_wp_page */
	struct page *page = pte_page(*pte);

	if (!(*pte & PTE_COW))
		return VM_FAULT_SIGSEGV;
	if (page_ref_count(page) == 1)
		return wp_page_reuse(vma, pte, addr);
	return wp_page_copy(vma, pte, addr);
	/* LAB cow: end do_wp_page */
}

/* handle_mm_fault — resolve a fault at addr inside vma, or say why not. */
enum vm_fault handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
			      bool write)
{
	pte_t *pte;

	if (write && !(vma->vm_flags & VM_WRITE))
		return VM_FAULT_SIGSEGV;
	if (!write && !(vma->vm_flags & (VM_READ | VM_EXEC)))
		return VM_FAULT_SIGSEGV;
	/* fork may have left the page table shared (pgtable.c) */
	if (unshare_pte_table(vma->vm_mm->pgd, addr))
		return VM_FAULT_OOM;
	pte = pte_alloc(vma->vm_mm->pgd, addr);
	if (!pte)
		return VM_FAULT_OOM;
	current->min_flt++;
	if (!(*pte & PTE_P))
		return do_anonymous_page(vma, pte, addr & PAGE_MASK);
	if (write && !(*pte & PTE_W))
		return do_wp_page(vma, pte, addr & PAGE_MASK);
	return VM_FAULT_DONE;	/* another path resolved it already */
}

/* zap_ptes — unmap [start, end) within one page table, from pte on. */
static void zap_ptes(struct mm_struct *mm, pte_t *pte, unsigned long start,
		     unsigned long end)
{
	for (; start < end; start += PAGE_SIZE, pte++) {
		if (!(*pte & PTE_P))
			continue;
		put_page(pte_page(*pte));
		set_pte(pte, 0);
		mm->rss--;
	}
}

/* zap_page_range — unmap [start, end), a page table at a time (one
 * lookup per table, one TLB flush at the end), skipping absent tables. */
void zap_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	while (start < end) {
		unsigned long next = ALIGN_DOWN(start, PGDIR_SIZE) + PGDIR_SIZE;
		pte_t *pte;

		if (next > end || next == 0)
			next = end;
		if (!unshare_pte_table(mm->pgd, start) &&
		    (pte = pte_lookup(mm->pgd, start)))
			zap_ptes(mm, pte, start, next);
		start = next;
	}
	flush_tlb_mm(mm->pgd);
}

/* change_protection — rewrite the PTEs of vma's present pages after
 * mprotect; COW pages stay read-only until their write fault. */
void change_protection(struct vm_area_struct *vma)
{
	u32 prot = vm_get_page_prot(vma->vm_flags);

	for (unsigned long va = vma->vm_start; va < vma->vm_end;
	     va += PAGE_SIZE) {
		pte_t *pte = pte_lookup(vma->vm_mm->pgd, va);

		if (!pte || !(*pte & PTE_P))
			continue;
		if (unshare_pte_table(vma->vm_mm->pgd, va))
			continue;	/* no memory for a private table */
		pte = pte_lookup(vma->vm_mm->pgd, va);
		set_pte(pte, (*pte & ~(PTE_W | PTE_U)) |
			(*pte & PTE_COW ? prot & ~PTE_W : prot));
		flush_tlb_page(vma->vm_mm->pgd, va);
	}
}

/* copy_page_range — fork's copy of vma's mappings into dst_mm. No page
 * is copied: a big page table is shared read-only, and the first write
 * under it gives the writer its own table, whose private pages are then
 * copy-on-write in both (spec §3.2; pgtable.c's unshare_pte_table); a small one
 * is copied PTE by PTE, its private pages made copy-on-write at once. */
int copy_page_range(struct mm_struct *dst_mm, struct vm_area_struct *vma)
{
	return share_or_copy_tables(dst_mm->pgd, vma->vm_mm->pgd, vma->vm_start,
				    vma->vm_end, vma->vm_flags);
}

/* exec_get_page — the frame at va in an address space that is not the
 * current one (exec building its new mm), allocated zeroed if absent and
 * mapped as va's area says. */
struct page *exec_get_page(struct mm_struct *mm, unsigned long va)
{
	struct vm_area_struct *vma = find_vma(mm, va);
	pte_t *pte;
	struct page *page;

	if (!vma || vma->vm_start > va || unshare_pte_table(mm->pgd, va) ||
	    !(pte = pte_alloc(mm->pgd, va)))
		return NULL;
	if (*pte & PTE_P)
		return pte_page(*pte);
	page = alloc_zeroed_page();
	if (page) {
		set_pte(pte, page_to_phys(page) | vm_get_page_prot(vma->vm_flags) |
			PTE_P);
		inc_rss(mm);
	}
	return page;
}

/* access_remote_vm — read len bytes at addr of another address space
 * (/proc/PID/cmdline), from the frames its page tables map now; a page
 * not present ends the copy. Returns the bytes copied. */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len)
{
	int done = 0;

	while (done < len) {
		pte_t *pte = pte_lookup(mm->pgd, addr);
		int n = MIN(len - done, (int)(PAGE_SIZE - (addr & ~PAGE_MASK)));

		if (!pte || !(*pte & PTE_P))
			break;
		memcpy((char *)buf + done, (char *)phys_to_virt(PTE_ADDR(*pte)) +
		       (addr & ~PAGE_MASK), n);
		done += n;
		addr += n;
	}
	return done;
}
