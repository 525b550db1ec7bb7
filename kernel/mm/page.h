/* kernel/mm/page.h — struct page, the frame allocator and the direct map.
 * Linux include/linux/mm_types.h, page_ref.h, gfp.h; ULK 8.1.
 * One struct page per physical frame (mem_map[pfn]); its _refcount is
 * what copy-on-write stands on: a frame mapped by n page tables (or held
 * by n kernel users) has _refcount == n and is freed when it drops to 0. */
#ifndef CLONIX_PAGE_H
#define CLONIX_PAGE_H

#include "../lib/kernel.h"
#include "../lib/list.h"
#include "../cpu/mmu.h"

#define MAX_ORDER	11	/* blocks of 2^0 .. 2^10 frames (4 KiB .. 4 MiB) */

/* page->flags */
#define PG_reserved	0x01	/* not RAM, or the kernel image: never freed */
#define PG_buddy	0x02	/* free, heading a block of 2^private frames */
#define PG_slab		0x04	/* a kmalloc slab; private = size class */
#define PG_large	0x08	/* a large kmalloc block; private = order */
#define PG_dirty	0x10	/* a page cache page newer than the disk */
#define PG_file		0x20	/* in a file's page cache (pagemap.h) */
#define PG_shmem	0x40	/* in shared memory or a tmpfs file */

struct page {
	u32 flags;
	int _refcount;
	u32 private;		/* buddy order, or kmalloc class/order */
	u32 inuse;		/* slab: objects handed out */
	void *freelist;		/* slab: first free object */
	struct list_head lru;	/* buddy free list, or slab partial list */
};

extern struct page *mem_map;
extern unsigned long max_pfn;
extern void *high_memory;	/* end of the direct map */

static inline void *phys_to_virt(unsigned long pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

static inline unsigned long virt_to_phys(const void *va)
{
	return (unsigned long)va - PAGE_OFFSET;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}

static inline unsigned long page_to_phys(const struct page *page)
{
	return page_to_pfn(page) << PAGE_SHIFT;
}

static inline void *page_address(const struct page *page)
{
	return phys_to_virt(page_to_phys(page));
}

static inline struct page *virt_to_page(const void *va)
{
	return pfn_to_page(virt_to_phys(va) >> PAGE_SHIFT);
}

static inline bool virt_addr_valid(const void *va)
{
	return (unsigned long)va >= PAGE_OFFSET && va < high_memory;
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount;
}

/* get_page — one more user of the frame (a second mapping after fork). */
static inline void get_page(struct page *page)
{
	page->_refcount++;
}

bool should_fail_alloc(void);
struct page *alloc_pages(unsigned int order);
struct page *alloc_page(void);
struct page *alloc_zeroed_page(void);
void __free_pages(struct page *page, unsigned int order);
void put_page(struct page *page);
unsigned int get_order(unsigned long size);

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long nr_bad_pages(void);
void show_mem(void);

/* Boot: kernel/mm/memmap.c and kernel/mm/init.c */
void memmap_init(u32 mbi_phys);
void paging_init(void);
void page_alloc_init(void);
void mem_init(void);
void free_boot_range(unsigned long start_pfn, unsigned long end_pfn);
unsigned long memmap_usable_kib(void);
void memmap_free_all(unsigned long kstart, unsigned long kend);
bool memmap_is_usable(unsigned long start, unsigned long end);

#endif
