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
#include "../fs/fs.h"
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

/* inc_rss — one more frame mapped in mm (and the high-water mark), and
 * of which kind: /proc/PID/status's RssFile shows the program's text
 * pages, which every process running it shares through the page cache. */
static void inc_rss(struct mm_struct *mm, struct page *page)
{
	mm->rss_file += !!(page->flags & PG_file);
	mm->rss_shmem += !!(page->flags & PG_shmem);
	if (++mm->rss > mm->hiwater_rss)
		mm->hiwater_rss = mm->rss;
}

static void dec_rss(struct mm_struct *mm, struct page *page)
{
	mm->rss_file -= !!(page->flags & PG_file);
	mm->rss_shmem -= !!(page->flags & PG_shmem);
	mm->rss--;
}

/* do_anonymous_page — first touch of an anonymous private page: a
 * zeroed frame. */
static enum vm_fault do_anonymous_page(struct vm_area_struct *vma,
				       pte_t *pte, unsigned long addr __unused)
{
	struct page *page = alloc_zeroed_page();

	if (!page)
		return VM_FAULT_OOM;
	set_pte(pte, page_to_phys(page) | vm_get_page_prot(vma->vm_flags) |
		PTE_P);
	inc_rss(vma->vm_mm, page);
	/* no flush: no TLB holds a not-present entry (Intel SDM 4.10.2.3),
	 * so no CPU, this one or another, can have the old one */
	return VM_FAULT_DONE;
}

/* shared_mkwrite — a store to a page of a shared file mapping: the file
 * gets its blocks (a full disk is a SIGBUS here, as on Linux) and the
 * page is dirty, for the flusher to write back. */
static enum vm_fault shared_mkwrite(struct vm_area_struct *vma,
				    struct page *page, unsigned long idx)
{
	struct address_space *m = vma->vm_mapping;
	struct inode *host = m->host;
	u32 pos = idx << PAGE_SHIFT, len;

	if (!m->a_ops)
		return VM_FAULT_DONE;	/* memory: nothing behind to write */
	len = pos < host->i_size ? MIN(PAGE_SIZE, host->i_size - pos) : 0;
	if (!len || m->a_ops->prepare_write(host, pos, len) != (long)len)
		return VM_FAULT_SIGBUS;
	set_page_dirty(m, page);
	return VM_FAULT_DONE;
}

/* do_shared_fault — first touch of a page of a file or of shared
 * memory (ULK 16.2.4 "Demand Paging for Memory Mapping"): the object's
 * frame, one more reference for this PTE. A private mapping maps it
 * read-only and copy-on-write, so that its stores go to a copy; a shared
 * one maps it writable at once only for a store. */
static enum vm_fault do_shared_fault(struct vm_area_struct *vma, pte_t *pte,
				     unsigned long addr, bool write)
{
	unsigned long idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	u32 prot = vm_get_page_prot(vma->vm_flags) | PTE_P;
	enum vm_fault r = VM_FAULT_DONE;
	int err;
	struct page *page = read_mapping_page(vma->vm_mapping, idx, &err);

	if (!page)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	if (!(vma->vm_flags & VM_SHARED))
		prot = (prot & ~PTE_W) | PTE_COW;
	else if (write)
		r = shared_mkwrite(vma, page, idx);
	else if (vma->vm_mapping->a_ops)
		prot &= ~PTE_W;		/* the first store must be seen */
	if (r != VM_FAULT_DONE) {
		put_page(page);
		return r;
	}
	set_pte(pte, page_to_phys(page) | prot |
		(vma->vm_flags & VM_SHARED ? PTE_SHMEM : 0));
	inc_rss(vma->vm_mm, page);	/* was not present: no flush */
	trace(cache, "fault %08lx pid %d: page %lu of inode %u, %s", addr,
	      current->pid, idx, vma->vm_mapping->host ?
	      vma->vm_mapping->host->i_ino : 0, prot & PTE_COW ?
	      "private, copy-on-write" : prot & PTE_W ? "shared, dirty" :
	      "shared, read-only");
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

/* wp_shared — a store to a shared file page mapped read-only (clean):
 * it becomes dirty and writable. */
static enum vm_fault wp_shared(struct vm_area_struct *vma, pte_t *pte,
			       unsigned long addr)
{
	unsigned long idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	enum vm_fault r = shared_mkwrite(vma, pte_page(*pte), idx);

	if (r == VM_FAULT_DONE) {
		set_pte(pte, *pte | PTE_W);
		flush_tlb_page(vma->vm_mm->pgd, addr);
	}
	return r;
}

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
	if (!(*pte & PTE_P) && vma->vm_mapping) {
		enum vm_fault r = do_shared_fault(vma, pte, addr & PAGE_MASK, write);

		if (r != VM_FAULT_DONE || !write || (*pte & PTE_W))
			return r;	/* a private store goes on: copy it */
	} else if (!(*pte & PTE_P)) {
		return do_anonymous_page(vma, pte, addr & PAGE_MASK);
	}
	if (write && !(*pte & PTE_W))
		return *pte & PTE_SHMEM ? wp_shared(vma, pte, addr & PAGE_MASK) :
		       do_wp_page(vma, pte, addr & PAGE_MASK);
	return VM_FAULT_DONE;	/* another path resolved it already */
}

/* zap_ptes — unmap [start, end) within one page table, from pte on. */
static void zap_ptes(struct mm_struct *mm, pte_t *pte, unsigned long start,
		     unsigned long end)
{
	for (; start < end; start += PAGE_SIZE, pte++) {
		if (!(*pte & PTE_P))
			continue;
		dec_rss(mm, pte_page(*pte));
		put_page(pte_page(*pte));
		set_pte(pte, 0);
	}
}

/* zap_page_range — unmap [start, end), a page table at a time (one
 * lookup per table, one TLB flush at the end), skipping absent tables.
 * Only user space: the kernel's directory entries map its own memory,
 * and zapping them would free frames that were never a process's, so a
 * caller that failed to check its range is reported, not obeyed. */
void zap_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	if (end > TASK_SIZE) {
		printk("BUG: zap_page_range %lx-%lx reaches past user space\n",
		       start, end);
		return;
	}
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

/* keeps_wp — a present page that stays read-only whatever the area
 * allows: a copy-on-write page until its write fault, a clean page of
 * a shared file mapping until the store that dirties it. */
static bool keeps_wp(struct vm_area_struct *vma, pte_t pte)
{
	return (pte & PTE_COW) || ((pte & PTE_SHMEM) && !(pte & PTE_W) &&
				   vma->vm_mapping->a_ops);
}

/* change_protection — rewrite the PTEs of vma's present pages after
 * mprotect. */
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
			(keeps_wp(vma, *pte) ? prot & ~PTE_W : prot));
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
 * current one (exec building its new mm), made private and mapped as
 * va's area says if absent: zeroed, or a copy of the file's page. */
struct page *exec_get_page(struct mm_struct *mm, unsigned long va)
{
	struct vm_area_struct *vma = find_vma(mm, va);
	struct page *page, *file_page = NULL;
	pte_t *pte;
	int err;

	if (!vma || vma->vm_start > va || unshare_pte_table(mm->pgd, va) ||
	    !(pte = pte_alloc(mm->pgd, va)))
		return NULL;
	if (*pte & PTE_P)
		return pte_page(*pte);
	if (vma->vm_mapping && !(file_page = read_mapping_page(vma->vm_mapping,
			vma->vm_pgoff + ((va - vma->vm_start) >> PAGE_SHIFT), &err)))
		return NULL;
	page = file_page ? alloc_page() : alloc_zeroed_page();
	if (page && file_page)
		memcpy(page_address(page), page_address(file_page), PAGE_SIZE);
	if (file_page)
		put_page(file_page);
	if (page) {
		set_pte(pte, page_to_phys(page) | vm_get_page_prot(vma->vm_flags) |
			PTE_P);
		inc_rss(mm, page);
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
