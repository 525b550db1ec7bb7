/* kernel/cpu/gdt.c — the global descriptor table and the TSS.
 * Linux arch/x86/kernel/cpu/common.c (gdt_page) and processor.h (tss);
 * xv6 vm.c seginit. Flat 4 GiB segments: paging does the protection. */
#include "gdt.h"
#include "smp.h"
#include "x86.h"

/* Descriptor access bytes (Intel SDM 3.4.5) */
#define SEG_CODE	0x9A	/* present, ring 0, code, readable */
#define SEG_DATA	0x92	/* present, ring 0, data, writable */
#define SEG_DPL3	0x60	/* descriptor privilege level 3 */
#define SEG_TSS32	0x89	/* present, 32-bit available TSS */
#define SEG_GRAN_4K	0xC0	/* 4 KiB granularity, 32-bit */


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

/* gdt_init — the calling CPU's GDT and TSS (each CPU has its own: the
 * TLS slots and esp0 belong to the thread it runs), loaded. */
void gdt_init(struct cpu *c)
{
	u64 *gdt_table = c->gdt;
	struct tss_struct *tss = &c->tss;
	struct desc_ptr p = { sizeof(c->gdt) - 1, (u32)gdt_table };

	gdt_table[GDT_ENTRY_KERNEL_CS] = make_desc(0, 0xFFFFF, SEG_CODE, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_KERNEL_DS] = make_desc(0, 0xFFFFF, SEG_DATA, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_DEFAULT_USER_CS] =
		make_desc(0, 0xFFFFF, SEG_CODE | SEG_DPL3, SEG_GRAN_4K);
	gdt_table[GDT_ENTRY_DEFAULT_USER_DS] =
		make_desc(0, 0xFFFFF, SEG_DATA | SEG_DPL3, SEG_GRAN_4K);
	tss->ss0 = __KERNEL_DS;
	tss->iomap_base = sizeof(*tss);	/* no I/O bitmap: user port I/O faults */
	gdt_table[GDT_ENTRY_TSS] = make_desc((u32)tss, sizeof(*tss) - 1, SEG_TSS32, 0);
	lgdt(&p);
	load_segments(__KERNEL_CS, __KERNEL_DS);
	ltr(GDT_ENTRY_TSS_SEL);
}

/* tss_set_kernel_stack — where this CPU switches to on a trap from user
 * mode; the scheduler sets it to the top of the next task's kernel stack. */
void tss_set_kernel_stack(u32 esp0)
{
	this_cpu()->tss.esp0 = esp0;
}
