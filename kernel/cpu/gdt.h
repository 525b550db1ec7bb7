/* kernel/cpu/gdt.h — segment descriptors and the task-state segment. */
#ifndef CLONIX_GDT_H
#define CLONIX_GDT_H

#include "../lib/kernel.h"
#include "segment.h"

/* struct tss_struct — the hardware TSS; only esp0/ss0 matter to us: the
 * CPU loads them on every user-to-kernel transition. */
struct tss_struct {
	u32 link, esp0, ss0, esp1, ss1, esp2, ss2, cr3;
	u32 eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trap, iomap_base;
} __packed;

struct cpu;
void gdt_init(struct cpu *c);
void tss_set_kernel_stack(u32 esp0);

#endif
