/* kernel/mm/init.c — the direct map and the frame allocator's start.
 * Linux arch/x86/mm/init_32.c (paging_init, mem_init); ULK 2.5.5
 * "Kernel Page Tables"; xv6 vm.c kvmalloc.
 * - place mem_map (one struct page per frame) right after the kernel;
 * - build swapper_pg_dir: all low memory at PAGE_OFFSET in 4 MiB global
 *   pages, and no identity map, so a NULL dereference in the kernel faults;
 * - hand the remaining RAM to the buddy allocator. */
#include "page.h"
#include "pgtable.h"
#include "../cpu/x86.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../lib/string.h"

extern char _kernel_start[], _end[];

struct page *mem_map;
unsigned long max_pfn;
void *high_memory;
u32 swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

static unsigned long kernel_phys_end;	/* end of image + boot allocations */

/* boot_alloc — bump allocation after the kernel image, before the buddy
 * allocator exists; these frames are never freed. */
static void *boot_alloc(unsigned long size)
{
	unsigned long pa = kernel_phys_end;

	kernel_phys_end = ALIGN_UP(pa + size, PAGE_SIZE);
	if (!memmap_is_usable(pa, kernel_phys_end) ||
	    kernel_phys_end > (16UL << 20))
		panic("boot_alloc: no room for %lu bytes at %lx", size, pa);
	return phys_to_virt(pa);
}

void paging_init(void)
{
	unsigned long end = ALIGN_UP(max_pfn << PAGE_SHIFT, PGDIR_SIZE);

	kernel_phys_end = virt_to_phys(_end);
	mem_map = boot_alloc(max_pfn * sizeof(struct page));
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn] = (struct page){ .flags = PG_reserved,
					      ._refcount = 1 };
	for (unsigned long pa = 0; pa < end; pa += PGDIR_SIZE)
		swapper_pg_dir[PDX(PAGE_OFFSET + pa)] =
			pa | PTE_P | PTE_W | PTE_PS | PTE_G;
	write_cr4(read_cr4() | CR4_PGE);
	write_cr3(virt_to_phys(swapper_pg_dir));
	high_memory = phys_to_virt(max_pfn << PAGE_SHIFT);
}

void mem_init(void)
{
	page_alloc_init();
	memmap_free_all(virt_to_phys(_kernel_start), kernel_phys_end);
	printk("memory: %lu KiB usable, %lu frames, %lu free; kernel %lu KiB, "
	       "mem_map %lu KiB\n", memmap_usable_kib(), totalram_pages(),
	       nr_free_pages(), (unsigned long)(_end - _kernel_start) >> 10,
	       (max_pfn * sizeof(struct page)) >> 10);
}
