/* kernel/mm/pgtable.h — page directories and 4 KiB mappings. */
#ifndef CLONIX_PGTABLE_H
#define CLONIX_PGTABLE_H

#include "page.h"
#include "../cpu/x86.h"

typedef u32 pte_t;
typedef u32 pgd_t;

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
pte_t *pte_lookup(pgd_t *pgd, unsigned long va);
pte_t *pte_alloc(pgd_t *pgd, unsigned long va);
int unshare_pte_table(pgd_t *pgd, unsigned long va);
int share_or_copy_tables(pgd_t *dst, pgd_t *src, unsigned long start,
			unsigned long end, u32 vm_flags);
void drop_shared_tables(pgd_t *pgd);
int map_page(pgd_t *pgd, unsigned long va, struct page *page, u32 prot);
void unmap_page(pgd_t *pgd, unsigned long va);
void switch_pgd(pgd_t *pgd);
pgd_t *current_pgd(void);

/* pte_page — the frame an entry points at: a PTE's page, or a PDE's page
 * table */
static inline struct page *pte_page(pte_t e)
{
	return pfn_to_page(PTE_ADDR(e) >> PAGE_SHIFT);
}

/* flush_tlb_page, flush_tlb_mm — forget what every TLB holds of one
 * page, or of every page, of an address space after its entries changed:
 * this CPU's and, by a shootdown, those of the CPUs that have the same
 * page directory loaded (kernel/mm/tlb.c). */
void flush_tlb_range(pgd_t *pgd, unsigned long start, unsigned long end);

static inline void flush_tlb_page(pgd_t *pgd, unsigned long va)
{
	flush_tlb_range(pgd, va, va + PAGE_SIZE);
}

static inline void flush_tlb_mm(pgd_t *pgd)
{
	flush_tlb_range(pgd, 0, PAGE_OFFSET);
}

/* set_pte — every change to a user PTE goes through here, so that a page
 * table's struct page counts its present entries (inuse): fork shares
 * big tables and copies small ones (share_or_copy_tables). */
static inline void set_pte(pte_t *ptep, pte_t val)
{
	struct page *table = virt_to_page(ptep);

	table->inuse += !!(val & PTE_P) - !!(*ptep & PTE_P);
	*ptep = val;
}

#endif
