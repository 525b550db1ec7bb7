/* kernel/test/test_mm.c — self-tests of the frame allocator and of the
 * page-table helpers: reference counts, double frees, buddy alignment
 * and merging, exhaustion, mapping and unmapping. */
#include "selftest.h"
#include "../cpu/x86.h"
#include "../lib/string.h"
#include "../mm/page.h"
#include "../mm/pgtable.h"

void test_mm(void)
{
	unsigned long before = nr_free_pages();
	unsigned long bad = nr_bad_pages();
	struct page *p = alloc_page();

	if (!check(p != NULL, "mm: alloc_page returns a frame"))
		return;
	check(nr_free_pages() == before - 1, "mm: alloc_page takes one frame");
	check(page_ref_count(p) == 1, "mm: a new frame has refcount 1");
	check(!(p->flags & (PG_buddy | PG_reserved)),
	      "mm: a new frame is neither free nor reserved");
	get_page(p);
	put_page(p);
	check(page_ref_count(p) == 1 && nr_free_pages() == before - 1,
	      "mm: put_page of a shared frame keeps it");
	put_page(p);
	check(nr_free_pages() == before, "mm: the last put_page frees it");
	put_page(p);
	check(nr_bad_pages() == bad + 1 && nr_free_pages() == before,
	      "mm: a double free is reported and ignored");
	put_page(pfn_to_page(0));
	check(nr_bad_pages() == bad + 2 && nr_free_pages() == before,
	      "mm: freeing a reserved frame is reported and ignored");
	p = alloc_zeroed_page();
	check(p && !memcmp(page_address(p), page_address(p) + 1,
			   PAGE_SIZE - 1) && !*(u8 *)page_address(p),
	      "mm: alloc_zeroed_page is all zeroes");
	if (p)
		put_page(p);
}

void test_buddy(void)
{
	unsigned long before = nr_free_pages();
	struct page *big = alloc_pages(3);
	struct page *a, *b;

	if (!check(big != NULL, "buddy: order-3 block allocated"))
		return;
	check(page_to_pfn(big) % 8 == 0, "buddy: order-3 block is aligned");
	check(nr_free_pages() == before - 8, "buddy: order 3 takes 8 frames");
	memset(page_address(big), 0xA5, 8 * PAGE_SIZE);	/* contiguous */
	__free_pages(big, 3);
	check(nr_free_pages() == before, "buddy: order-3 block freed");
	a = alloc_page();
	b = alloc_page();
	check(a && b && a != b, "buddy: two frames are distinct");
	put_page(a);
	put_page(b);
	big = alloc_pages(MAX_ORDER - 1);
	check(big != NULL, "buddy: merging left a 4 MiB block to allocate");
	if (big)
		__free_pages(big, MAX_ORDER - 1);
	check(alloc_pages(MAX_ORDER) == NULL, "buddy: order >= MAX_ORDER is "
	      "refused");
}

/* test_exhaustion — take every frame: the allocator must say NULL, not
 * panic, and give everything back. The taken frames are chained through
 * their own first word, so the test itself needs no memory. */
void test_exhaustion(void)
{
	unsigned long before = nr_free_pages(), n = 0;
	void *chain = NULL;
	struct page *p;

	while ((p = alloc_page())) {
		*(void **)page_address(p) = chain;
		chain = page_address(p);
		n++;
	}
	check(nr_free_pages() == 0, "exhaustion: every frame taken (%lu)", n);
	check(n == before, "exhaustion: as many as were free");
	check(alloc_page() == NULL && alloc_pages(2) == NULL,
	      "exhaustion: allocation then fails with NULL");
	while (chain) {
		void *next = *(void **)chain;

		put_page(virt_to_page(chain));
		chain = next;
	}
	check(nr_free_pages() == before, "exhaustion: all frames returned");
	p = alloc_pages(MAX_ORDER - 1);
	check(p != NULL, "exhaustion: freed frames merged into 4 MiB blocks");
	if (p)
		__free_pages(p, MAX_ORDER - 1);
}

void test_pgtable(void)
{
	const unsigned long va = 0x08048000;
	pgd_t *old = current_pgd(), *pgd = pgd_alloc();
	struct page *p = alloc_zeroed_page();
	pte_t *pte;

	if (!check(pgd && p, "pgtable: directory and frame allocated"))
		return;
	check(pgd[PDX(PAGE_OFFSET)] == swapper_pg_dir[PDX(PAGE_OFFSET)] &&
	      !pgd[PDX(va)], "pgtable: kernel half shared, user half empty");
	get_page(p);	/* our own reference, besides the mapping's */
	check(map_page(pgd, va, p, PTE_W | PTE_U) == 0,
	      "pgtable: map_page succeeds");
	switch_pgd(pgd);
	*(volatile u32 *)(va + 8) = 0xC10E1234;
	switch_pgd(old);
	check(((u32 *)page_address(p))[2] == 0xC10E1234,
	      "pgtable: a write through the user address reaches the frame");
	check(page_ref_count(p) == 2, "pgtable: the mapping holds a reference");
	unmap_page(pgd, va);
	pte = pte_lookup(pgd, va);
	check(pte && *pte == 0, "pgtable: unmap_page clears the PTE");
	check(page_ref_count(p) == 1, "pgtable: unmap drops the reference");
	check(pte_lookup(pgd, 0x40000000) == NULL,
	      "pgtable: lookup without create allocates nothing");
	put_page(p);
	pgd_free(pgd);
}
