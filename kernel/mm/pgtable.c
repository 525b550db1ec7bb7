/* kernel/mm/pgtable.c — page directories and the 4 KiB mappings of user
 * space. Linux mm/pgtable-generic.c, arch/x86/mm/pgtable.c (pgd_alloc);
 * xv6 vm.c (walkpgdir, mappages).
 * Every page directory shares the kernel half (PDEs 768-1023, the direct
 * map of swapper_pg_dir, which never changes after boot) and owns its
 * user half, whose page tables it frees with itself.
 * Reference rule: a present user PTE owns one reference to its frame. */
#include "pgtable.h"
#include "../cpu/x86.h"
#include "../lib/string.h"
#include <asm/errno.h>

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
	for (unsigned int i = 0; i < USER_PGDS; i++)
		if (pgd[i] & PTE_P)
			put_page(pfn_to_page(PTE_ADDR(pgd[i]) >> PAGE_SHIFT));
	put_page(virt_to_page(pgd));
}

/* pte_lookup — the PTE for va, allocating its page table if asked. */
pte_t *pte_lookup(pgd_t *pgd, unsigned long va, bool create)
{
	pgd_t *pde = &pgd[PDX(va)];
	struct page *table;

	if (!(*pde & PTE_P)) {
		if (!create || !(table = alloc_zeroed_page()))
			return NULL;
		/* permissions are decided per PTE; the PDE allows all */
		*pde = page_to_phys(table) | PTE_P | PTE_W | PTE_U;
	}
	return (pte_t *)phys_to_virt(PTE_ADDR(*pde)) + PTX(va);
}

static void flush_tlb_one(pgd_t *pgd, unsigned long va)
{
	if (pgd == current_pgd())
		invlpg(va);
}

/* map_page — map page at user address va; the PTE takes over the
 * caller's reference. Returns -ENOMEM when no page table can be had. */
int map_page(pgd_t *pgd, unsigned long va, struct page *page, u32 prot)
{
	pte_t *pte = pte_lookup(pgd, va, true);

	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		put_page(pfn_to_page(PTE_ADDR(*pte) >> PAGE_SHIFT));
	*pte = page_to_phys(page) | (prot & PTE_FLAGS_MASK) | PTE_P;
	flush_tlb_one(pgd, va);
	return 0;
}

/* unmap_page — remove the mapping at va and drop its frame reference. */
void unmap_page(pgd_t *pgd, unsigned long va)
{
	pte_t *pte = pte_lookup(pgd, va, false);

	if (!pte || !(*pte & PTE_P))
		return;
	put_page(pfn_to_page(PTE_ADDR(*pte) >> PAGE_SHIFT));
	*pte = 0;
	flush_tlb_one(pgd, va);
}

void switch_pgd(pgd_t *pgd)
{
	write_cr3(virt_to_phys(pgd));
}

pgd_t *current_pgd(void)
{
	return phys_to_virt(read_cr3());
}
