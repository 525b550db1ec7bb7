/* kernel/mm/pgtable.h — page directories and 4 KiB mappings. */
#ifndef CLONIX_PGTABLE_H
#define CLONIX_PGTABLE_H

#include "page.h"

typedef u32 pte_t;
typedef u32 pgd_t;

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
pte_t *pte_lookup(pgd_t *pgd, unsigned long va, bool create);
int map_page(pgd_t *pgd, unsigned long va, struct page *page, u32 prot);
void unmap_page(pgd_t *pgd, unsigned long va);
void switch_pgd(pgd_t *pgd);
pgd_t *current_pgd(void);

#endif
