/* kernel/mm/memmap.c — what RAM there is: the multiboot memory map.
 * Linux arch/x86/kernel/e820.c + mm/memblock.c, much reduced; ULK 2.5.3
 * "Physical Memory Layout".
 * Runs under the boot page directory (16 MiB mapped), before the frame
 * allocator exists: it copies the usable ranges and the command line out
 * of the loader's structures, so that nothing of the loader is needed
 * once its memory is handed to the allocator. */
#include "page.h"
#include "../lib/cmdline.h"
#include "../lib/multiboot.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../lib/string.h"

#define MAX_RANGES	32
#define BOOT_MAPPED	(16UL << 20)	/* what boot/entry.asm maps */
#define LOW_RESERVED	(1UL << 20)	/* BIOS data, EBDA, VGA, ROMs */

struct mem_range {
	unsigned long start, end;	/* physical, page-aligned, [start, end) */
};

static struct mem_range ranges[MAX_RANGES];
static int nr_ranges;
static unsigned long ignored_kib;	/* RAM above LOWMEM_MAX */

static const void *boot_ptr(u32 pa, u32 len)
{
	if (pa + len < pa || pa + len > BOOT_MAPPED)
		panic("multiboot data at %x+%x is outside the boot map", pa, len);
	return phys_to_virt(pa);
}

/* add_range — record usable RAM, trimmed to whole pages below LOWMEM_MAX. */
static void add_range(u64 addr, u64 len)
{
	u64 start = ALIGN_UP(addr, (u64)PAGE_SIZE);
	u64 end = ALIGN_DOWN(addr + len, (u64)PAGE_SIZE);

	if (end > LOWMEM_MAX) {
		u64 from = start > LOWMEM_MAX ? start : LOWMEM_MAX;

		if (end > from)
			ignored_kib += (end - from) >> 10;
		end = LOWMEM_MAX;
	}
	if (start >= end || nr_ranges == MAX_RANGES)
		return;
	ranges[nr_ranges++] = (struct mem_range){ start, end };
	if ((end >> PAGE_SHIFT) > max_pfn)
		max_pfn = end >> PAGE_SHIFT;
}

static void parse_mmap(const struct multiboot_info *mbi)
{
	u32 off = 0;
	const u8 *map = boot_ptr(mbi->mmap_addr, mbi->mmap_length);

	while (off + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length) {
		const struct multiboot_mmap_entry *e = (const void *)(map + off);

		if (e->type == MULTIBOOT_MEMORY_AVAILABLE)
			add_range(e->addr, e->len);
		off += e->size + sizeof(e->size);
	}
}

/* memmap_init — read RAM ranges and the command line from multiboot. */
void memmap_init(u32 mbi_phys)
{
	const struct multiboot_info *mbi = boot_ptr(mbi_phys, sizeof(*mbi));

	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
		parse_mmap(mbi);
	else if (mbi->flags & MULTIBOOT_INFO_MEMORY)
		add_range(LOW_RESERVED, (u64)mbi->mem_upper << 10);
	if (!nr_ranges)
		panic("no usable memory in the multiboot information");
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		cmdline_save(boot_ptr(mbi->cmdline, 1));
	if (ignored_kib)
		printk("memory: ignoring %lu KiB above %lu MiB (no highmem)\n",
		       ignored_kib, LOWMEM_MAX >> 20);
}

unsigned long memmap_usable_kib(void)
{
	unsigned long kib = 0;

	for (int i = 0; i < nr_ranges; i++)
		kib += (ranges[i].end - ranges[i].start) >> 10;
	return kib;
}

/* free_usable — give the allocator every usable frame in [lo, hi). */
static void free_usable(unsigned long lo, unsigned long hi)
{
	for (int i = 0; i < nr_ranges; i++) {
		unsigned long s = MAX(ranges[i].start, lo);
		unsigned long e = MIN(ranges[i].end, hi);

		if (s < e)
			free_boot_range(s >> PAGE_SHIFT, e >> PAGE_SHIFT);
	}
}

/* memmap_free_all — all usable RAM except the low megabyte and the
 * kernel image with its boot allocations [kstart, kend). */
void memmap_free_all(unsigned long kstart, unsigned long kend)
{
	free_usable(LOW_RESERVED, kstart);
	free_usable(kend, max_pfn << PAGE_SHIFT);
}

/* memmap_is_usable — is [start, end) inside one usable range? */
bool memmap_is_usable(unsigned long start, unsigned long end)
{
	for (int i = 0; i < nr_ranges; i++)
		if (start >= ranges[i].start && end <= ranges[i].end)
			return true;
	return false;
}
