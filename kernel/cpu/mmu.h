/* kernel/cpu/mmu.h — i386 two-level paging: sizes, PTE bits, index macros.
 * Linux arch/x86/include/asm/pgtable_types.h (32-bit, non-PAE); xv6 mmu.h.
 * Named flags only: a PTE is never built from a magic number. */
#ifndef CLONIX_MMU_H
#define CLONIX_MMU_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PGDIR_SHIFT	22
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)	/* 4 MiB: one PDE's reach */
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024

#define PAGE_OFFSET	0xC0000000UL	/* start of the kernel's direct map */
#define USER_PGDS	(PAGE_OFFSET >> PGDIR_SHIFT)	/* 768 user PDEs */
#define LOWMEM_MAX	(768UL << 20)	/* RAM above this is not used */

#define PTE_P		0x001	/* present */
#define PTE_W		0x002	/* writable */
#define PTE_U		0x004	/* user may access */
#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_A		0x020	/* accessed (set by the CPU) */
#define PTE_D		0x040	/* dirty (set by the CPU) */
#define PTE_PS		0x080	/* in a PDE: 4 MiB page */
#define PTE_G		0x100	/* global: survives CR3 reloads */
#define PTE_COW		0x200	/* software bit 9: copy-on-write (STYLE 7) */
#define PTE_SHMEM	0x400	/* software bit 10: a MAP_SHARED page, never COW */
#define PTE_FLAGS_MASK	0xFFF

#define PDX(va)		(((unsigned long)(va) >> PGDIR_SHIFT) & 0x3FF)
#define PTX(va)		(((unsigned long)(va) >> PAGE_SHIFT) & 0x3FF)
#define PTE_ADDR(e)	((e) & ~PTE_FLAGS_MASK)

#define CR0_MP		0x00000002	/* WAIT obeys TS */
#define CR0_EM		0x00000004	/* no FPU: x87 instructions trap */
#define CR0_NE		0x00000020	/* x87 errors as #MF, not IRQ 13 */
#define CR0_WP		0x00010000
#define CR0_PG		0x80000000
#define CR4_PSE		0x00000010
#define CR4_PGE		0x00000080
#define CR4_OSFXSR	0x00000200	/* FXSAVE/FXRSTOR carry SSE state */
#define CR4_OSXMMEXCPT	0x00000400	/* SIMD errors as #XM, not #UD */

/* Page-fault error code bits (Intel SDM 4.7). */
#define PF_PROT		0x1	/* 0: page not present, 1: protection */
#define PF_WRITE	0x2
#define PF_USER		0x4

#endif
