/* kernel/cpu/gdt.c — the global descriptor table and the TSS.
 * Linux arch/x86/kernel/cpu/common.c (gdt_page) and processor.h (tss);
 * xv6 vm.c seginit. Flat 4 GiB segments: paging does the protection. */
#include "gdt.h"
#include "x86.h"

/* Descriptor access bytes (Intel SDM 3.4.5) */
#define SEG_CODE	0x9A	/* present, ring 0, code, readable */
#define SEG_DATA	0x92	/* present, ring 0, data, writable */
#define SEG_DPL3	0x60	/* descriptor privilege level 3 */
#define SEG_TSS32	0x89	/* present, 32-bit available TSS */
#define SEG_GRAN_4K	0xC0	/* 4 KiB granularity, 32-bit */

u64 gdt_table[GDT_ENTRIES] __aligned(8);	/* tls.c writes entries 6-8 */
static struct tss_struct tss __aligned(16);

static u64 make_desc(u32 base, u32 limit, u8 access, u8 gran)
{
	u64 d = limit & 0xFFFF;

	d |= (u64)(base & 0xFFFFFF) << 16;
	d |= (u64)access << 40;
	d |= (u64)((limit >> 16) & 0xF) << 48;
	d |= (u64)(gran & 0xF0) << 48;
	d |= (u64)(base >> 24) << 56;
	return d;
}

void gdt_init(void)
{
	struct desc_ptr p = { sizeof(gdt_table) - 1, (u32)gdt_table };

	gdt_table[GDT_ENTRY_KERNEL_CS] = make_desc(0, 0xFFFFF, SEG_CODE, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_KERNEL_DS] = make_desc(0, 0xFFFFF, SEG_DATA, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_DEFAULT_USER_CS] =
		make_desc(0, 0xFFFFF, SEG_CODE | SEG_DPL3, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_DEFAULT_USER_DS] =
		make_desc(0, 0xFFFFF, SEG_DATA | SEG_DPL3, SEG_GRAN_4K);
	tss.ss0 = __KERNEL_DS;
	tss.iomap_base = sizeof(tss);	/* no I/O bitmap: user port I/O faults */
	gdt_table[GDT_ENTRY_TSS] = make_desc((u32)&tss, sizeof(tss) - 1, SEG_TSS32, 0);
	lgdt(&p);
	load_segments(__KERNEL_CS, __KERNEL_DS);
	ltr(GDT_ENTRY_TSS_SEL);
}

/* tss_set_kernel_stack — where the CPU switches to on a trap from user
 * mode; the scheduler sets it to the top of the next task's kernel stack. */
void tss_set_kernel_stack(u32 esp0)
{
	tss.esp0 = esp0;
}
