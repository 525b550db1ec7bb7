/* kernel/mm/pgtable.c — page directories and the 4 KiB mappings of user
 * space. Linux mm/pgtable-generic.c, arch/x86/mm/pgtable.c (pgd_alloc);
 * xv6 vm.c (walkpgdir, mappages).
 * Every page directory shares the kernel half (PDEs 768-1023, the direct
 * map of swapper_pg_dir, which never changes after boot). Its user half
 * points at page tables that fork may share between directories.
 *
 * Reference rules: a present user PTE owns one reference to its frame;
 * a PDE owns one reference to its page table. A page table used by more
 * than one directory is mapped read-only in each (PDE without PTE_W: the
 * CPU then refuses every user write under it, and, with CR0.WP, kernel
 * writes too). Whoever is about to change a PTE first calls
 * unshare_pte_table: the first write fault makes a private copy of the
 * table, and only then do the frames become copy-on-write, one reference
 * per table. So fork costs one PDE per 4 MiB, not one PTE per page: a
 * process that touched 64 MiB forks as fast as an empty one. This is
 * clonix's own: Linux's fork copies every PTE (copy_page_range). */
#include "pgtable.h"
#include "../cpu/smp.h"
#include "../cpu/x86.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "../task/sched.h"
#include "mm_types.h"
#include <asm/errno.h>

static struct page *table_page(pgd_t pde)
{
	return pte_page(pde);
}

pgd_t *pgd_alloc(void)
{
	struct page *page = alloc_page();
	pgd_t *pgd;

	if (!page)
		return NULL;
	pgd = page_address(page);
	memset(pgd, 0, USER_PGDS * sizeof(pgd_t));
	memcpy(pgd + USER_PGDS, swapper_pg_dir + USER_PGDS,
	       (PTRS_PER_PGD - USER_PGDS) * sizeof(pgd_t));
	return pgd;
}

/* pgd_free — free the user page tables and the directory. The mappings
 * themselves must already be gone (unmap_page), or their frames leak. */
void pgd_free(pgd_t *pgd)
{
	for (unsigned int i = 0; i < USER_PGDS; i++) {
		if (!(pgd[i] & PTE_P))
			continue;
		if (table_page(pgd[i])->inuse)	/* Linux: "Bad rss-counter" */
			printk("BUG: pgd_free: table %08x still maps %u pages\n",
			       i << PGDIR_SHIFT, table_page(pgd[i])->inuse);
		put_page(table_page(pgd[i]));
	}
	put_page(virt_to_page(pgd));
}

/* copy_table — a private copy of a shared table: each private frame
 * becomes copy-on-write (in the shared table too, so in every sharer),
 * and each frame gains the new table's reference. */
static void copy_table(pte_t *dst, pte_t *src)
{
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++) {
		if (src[i] & PTE_P) {
			if (!(src[i] & PTE_SHMEM))
				src[i] = (src[i] & ~PTE_W) | PTE_COW;
			get_page(pte_page(src[i]));
		}
		dst[i] = src[i];
	}
}

/* unshare_pte_table — before a PTE of va changes: its table, if still
 * shared with another directory, is copied; one no longer shared (the
 * others exited or made their own copy) just becomes writable again.
 * 0, or -ENOMEM. */
int unshare_pte_table(pgd_t *pgd, unsigned long va)
{
	pgd_t *pde = &pgd[PDX(va)];
	struct page *old = table_page(*pde), *new;

	if (!(*pde & PTE_P) || (*pde & PTE_W))
		return 0;
	if (page_ref_count(old) > 1) {
		if (!(new = alloc_page()))
			return -ENOMEM;
		copy_table(page_address(new), page_address(old));
		new->inuse = old->inuse;
		trace(cow, "table %08lx pid %d: copied, it had %d users",
		      (unsigned long)(pde - pgd) << PGDIR_SHIFT, current->pid,
		      page_ref_count(old));
		put_page(old);
		*pde = page_to_phys(new) | PTE_P | PTE_W | PTE_U;
	} else {
		*pde |= PTE_W;
	}
	flush_tlb_mm(pgd);	/* the TLB knew it read-only */
	return 0;
}

/* pte_lookup — the PTE for va, or NULL if it has no page table. To
 * change it, unshare_pte_table first. */
pte_t *pte_lookup(pgd_t *pgd, unsigned long va)
{
	pgd_t pde = pgd[PDX(va)];

	if (!(pde & PTE_P))
		return NULL;
	return (pte_t *)phys_to_virt(PTE_ADDR(pde)) + PTX(va);
}

/* pte_alloc — the PTE for va, its page table allocated if absent (Linux
 * pte_alloc_map); NULL when there is no memory for one. */
pte_t *pte_alloc(pgd_t *pgd, unsigned long va)
{
	pgd_t *pde = &pgd[PDX(va)];
	struct page *table;

	if (!(*pde & PTE_P)) {
		if (!(table = alloc_zeroed_page()))
			return NULL;
		table->inuse = 0;	/* present entries (set_pte) */
		/* permissions are decided per PTE; the PDE allows all */
		*pde = page_to_phys(table) | PTE_P | PTE_W | PTE_U;
	}
	return pte_lookup(pgd, va);
}

/* copy_pte — one page of an eager copy: a private page becomes
 * copy-on-write in both (even a read-only one: mprotect may allow writes
 * later), a shared one is shared as it is. 0, or -ENOMEM. */
static int copy_pte(pte_t *dst, pte_t *src, u32 vm_flags)
{
	/* LAB cow: begin copy_pte */
	if (!(vm_flags & VM_SHARED))
		*src = (*src & ~PTE_W) | PTE_COW;
	get_page(pte_page(*src));
	set_pte(dst, *src);
	return 0;
	/* LAB cow: end copy_pte */
}

/* copy_ptes — the eager copy of [start, end) (within one table). */
static int copy_ptes(pgd_t *dst, pgd_t *src, unsigned long start,
		     unsigned long end, u32 vm_flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE) {
		pte_t *s = pte_lookup(src, va), *d;

		if (!(*s & PTE_P))
			continue;
		if (unshare_pte_table(dst, va) || !(d = pte_alloc(dst, va)) ||
		    copy_pte(d, s, vm_flags))
			return -ENOMEM;
	}
	return 0;
}

#define SHARE_MIN	128	/* present PTEs that make a table worth sharing */

/* share_or_copy_tables — fork's copy of an area [start, end), table by
 * table: one with at least SHARE_MIN pages is shared read-only by both
 * directories (once: other areas under it find it shared already);
 * a smaller one is copied now, for this area's pages. */
int share_or_copy_tables(pgd_t *dst, pgd_t *src, unsigned long start,
			 unsigned long end, u32 vm_flags)
{
	while (start < end) {
		unsigned long next = ALIGN_DOWN(start, PGDIR_SIZE) + PGDIR_SIZE;
		pgd_t *s = &src[PDX(start)], *d = &dst[PDX(start)];

		if (next > end || next == 0)
			next = end;
		if (!(*s & PTE_P) || *d == *s) {
			/* nothing mapped, or shared already */
		/* LAB cow: begin share_table */
		} else if (!(*d & PTE_P) && table_page(*s)->inuse >= SHARE_MIN) {
			*s &= ~PTE_W;
			get_page(table_page(*s));
			*d = *s;
		/* LAB cow: end share_table */
		} else if (copy_ptes(dst, src, start, next, vm_flags)) {
			return -ENOMEM;
		}
		start = next;
	}
	return 0;
}

/* drop_shared_tables — an address space going away lets go of the tables
 * it still shares without touching them: their frames are the others'. */
void drop_shared_tables(pgd_t *pgd)
{
	for (unsigned int i = 0; i < USER_PGDS; i++) {
		if (!(pgd[i] & PTE_P) || page_ref_count(table_page(pgd[i])) == 1)
			continue;
		put_page(table_page(pgd[i]));
		pgd[i] = 0;
	}
}

/* map_page — map page at user address va; the PTE takes over the
 * caller's reference. Returns -ENOMEM when no page table can be had. */
int map_page(pgd_t *pgd, unsigned long va, struct page *page, u32 prot)
{
	bool was_present;
	pte_t *pte;

	if (unshare_pte_table(pgd, va) || !(pte = pte_alloc(pgd, va)))
		return -ENOMEM;
	was_present = *pte & PTE_P;
	if (was_present)
		put_page(pte_page(*pte));
	set_pte(pte, page_to_phys(page) | (prot & PTE_FLAGS_MASK) | PTE_P);
	if (was_present)	/* no TLB holds a not-present entry */
		flush_tlb_page(pgd, va);
	return 0;
}

/* unmap_page — remove the mapping at va and drop its frame reference. */
void unmap_page(pgd_t *pgd, unsigned long va)
{
	pte_t *pte;

	if (unshare_pte_table(pgd, va) || !(pte = pte_lookup(pgd, va)) ||
	    !(*pte & PTE_P))
		return;
	put_page(pte_page(*pte));
	set_pte(pte, 0);
	flush_tlb_page(pgd, va);
}

/* switch_pgd — load pgd on this CPU, and say so: a shootdown of pgd's
 * entries must reach every CPU that has it loaded (tlb.c). */
void switch_pgd(pgd_t *pgd)
{
	this_cpu()->active_pgd = pgd;
	write_cr3(virt_to_phys(pgd));
}

pgd_t *current_pgd(void)
{
	return phys_to_virt(read_cr3());
}
