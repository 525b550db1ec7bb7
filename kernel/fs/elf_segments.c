/* kernel/fs/elf_segments.c — putting an ELF file's PT_LOAD segments into
 * the new address space: the program's, and its interpreter's (the
 * dynamic linker). Linux fs/binfmt_elf.c (elf_map, padzero, set_brk,
 * total_mapping_size); ULK 20.4, 16.2.4.
 *
 * Demand paging: a segment's file part is a private mapping of the file,
 * whose pages come from the page cache when first touched, shared by
 * every process that runs the program until one of them writes (then
 * copy-on-write gives the writer its own); the rest (bss) is anonymous
 * zero memory. A position-independent file (ET_DYN) is moved by a load
 * bias: the program to ELF_ET_DYN_BASE, the interpreter to the first
 * free range of the mmap area, as Linux does without randomization. */
#include "binfmts.h"
#include "../lib/string.h"
#include <asm/signal.h>

#define ELF_ET_DYN_BASE	0x00400000UL	/* Linux's i386 PIE base */

static u32 elf_vm_flags(const Elf32_Phdr *ph)
{
	return (ph->p_flags & PF_R ? VM_READ : 0) |
	       (ph->p_flags & PF_W ? VM_WRITE : 0) |
	       (ph->p_flags & PF_X ? VM_EXEC : 0);
}

/* elf_read — n bytes at pos of the image's file. */
long elf_read(struct linux_binprm *bprm, struct elf_image *img, u32 pos,
	      void *buf, u32 n)
{
	if (!img->inode)
		return bprm->read(bprm, pos, buf, n);
	return img->inode->i_fop->kread(img->inode, pos, buf, n);
}

/* map_area — the area for [start, end), trimmed where an earlier segment
 * already covers a shared boundary page (that page keeps its area). */
static int map_area(struct mm_struct *mm, unsigned long start,
		    unsigned long end, u32 flags)
{
	struct vm_area_struct *v = find_vma(mm, start);

	if (v && v->vm_start <= start) {
		v->vm_flags |= flags;
		start = v->vm_end;
	}
	return start < end ? insert_vm_area(mm, start, end, flags) : 0;
}

/* copy_segment — the area, then the file bytes copied page by page: for
 * an image in kernel memory, or a segment that shares its first page
 * with the one before; 0 or the signal the process will die of. */
static int copy_segment(struct linux_binprm *bprm, struct elf_image *img,
			const Elf32_Phdr *ph, unsigned long vaddr)
{
	unsigned long start = ALIGN_DOWN(vaddr, PAGE_SIZE);
	unsigned long end = ALIGN_UP(vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long va, file_end = vaddr + ph->p_filesz;
	long n;

	if (map_area(bprm->mm, start, end, elf_vm_flags(ph)))
		return SIGSEGV;
	for (va = start; va < end; va += PAGE_SIZE) {
		unsigned long lo = MAX(va, vaddr), hi = MIN(va + PAGE_SIZE, file_end);
		struct page *page = exec_get_page(bprm->mm, va);

		if (!page)
			return SIGSEGV;
		if (lo >= hi)
			continue;
		n = elf_read(bprm, img, ph->p_offset + lo - vaddr,
			     (char *)page_address(page) + (lo - va), hi - lo);
		if (n < 0)
			return SIGSEGV;
		if (n == 0 && lo == va)
			return SIGBUS;	/* a whole page past the file's end */
	}
	return 0;
}

/* padzero — the bytes after the file's part of a segment's last file
 * page belong to the bss: that page becomes a private copy with them
 * zeroed (Linux padzero). */
static int padzero(struct linux_binprm *bprm, unsigned long addr)
{
	struct page *page = exec_get_page(bprm->mm, addr);

	if (!page)
		return SIGSEGV;
	memset((char *)page_address(page) + (addr & ~PAGE_MASK), 0,
	       PAGE_SIZE - (addr & ~PAGE_MASK));
	return 0;
}

/* map_segment — the file part mapped privately from the page cache, the
 * bss after it anonymous. */
static int map_segment(struct linux_binprm *bprm, struct elf_image *img,
		       const Elf32_Phdr *ph, unsigned long vaddr)
{
	unsigned long start = ALIGN_DOWN(vaddr, PAGE_SIZE);
	unsigned long fend = ALIGN_UP(vaddr + ph->p_filesz, PAGE_SIZE);
	unsigned long end = ALIGN_UP(vaddr + ph->p_memsz, PAGE_SIZE);
	u32 flags = elf_vm_flags(ph);
	struct vm_area_struct *v = find_vma(bprm->mm, start);

	if (!img->mapping || (v && v->vm_start < end))
		return copy_segment(bprm, img, ph, vaddr);
	if (fend > start) {
		if (insert_vm_area(bprm->mm, start, fend, flags))
			return SIGSEGV;
		vma_attach(find_vma(bprm->mm, start), img->mapping,
			   ph->p_offset >> PAGE_SHIFT, img->file);
	}
	if (end > fend && insert_vm_area(bprm->mm, fend, end, flags))
		return SIGSEGV;
	if (ph->p_memsz > ph->p_filesz && ((vaddr + ph->p_filesz) & ~PAGE_MASK))
		return padzero(bprm, vaddr + ph->p_filesz);
	return 0;
}

/* segment_ok — Linux's checks on a PT_LOAD at its biased address
 * (EINVAL there, then SIGSEGV). */
static bool segment_ok(const Elf32_Phdr *ph, unsigned long vaddr)
{
	return ph->p_filesz <= ph->p_memsz && ph->p_memsz <= TASK_SIZE &&
	       vaddr <= TASK_SIZE - ph->p_memsz &&
	       (vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* load_span — the page range the PT_LOAD segments cover, from the
 * lowest start to the highest end (Linux total_mapping_size). */
static void load_span(const struct elf_image *img, unsigned long *lo,
		      unsigned long *hi)
{
	*lo = ~0UL;
	*hi = 0;
	for (int i = 0; i < img->ehdr.e_phnum; i++) {
		const Elf32_Phdr *ph = &img->phdr[i];

		if (ph->p_type != PT_LOAD)
			continue;
		*lo = MIN(*lo, ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE));
		*hi = MAX(*hi, ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE));
	}
}

/* choose_bias — 0 for a program linked at its address (ET_EXEC); for
 * ET_DYN, ELF_ET_DYN_BASE for the program, the first free range that
 * holds the whole span for the interpreter. */
static int choose_bias(struct linux_binprm *bprm, struct elf_image *img,
		       bool interp)
{
	unsigned long lo, hi, at;

	img->bias = 0;
	if (img->ehdr.e_type != ET_DYN)
		return 0;
	load_span(img, &lo, &hi);
	if (hi <= lo)
		return SIGSEGV;
	at = interp ? get_unmapped_area(bprm->mm, hi - lo) : ELF_ET_DYN_BASE;
	if (!at)
		return SIGSEGV;
	img->bias = at - lo;
	return 0;
}

/* elf_load_segments — every PT_LOAD of img into bprm->mm; *brk moves
 * past the highest one. 0, or the signal the process will die of. */
int elf_load_segments(struct linux_binprm *bprm, struct elf_image *img,
		      bool interp, unsigned long *brk)
{
	int sig = choose_bias(bprm, img, interp);

	for (int i = 0; !sig && i < img->ehdr.e_phnum; i++) {
		const Elf32_Phdr *ph = &img->phdr[i];
		unsigned long vaddr = ph->p_vaddr + img->bias;

		if (ph->p_type != PT_LOAD)
			continue;
		if (!segment_ok(ph, vaddr))
			return SIGSEGV;
		sig = map_segment(bprm, img, ph, vaddr);
		if (!sig && ALIGN_UP(vaddr + ph->p_memsz, PAGE_SIZE) > *brk)
			*brk = ALIGN_UP(vaddr + ph->p_memsz, PAGE_SIZE);
	}
	return sig;
}
