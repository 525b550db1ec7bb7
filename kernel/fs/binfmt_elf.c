/* kernel/fs/binfmt_elf.c — loading a static ELF32 i386 executable;
 * Linux fs/binfmt_elf.c (load_elf_binary, create_elf_tables); ULK 20.4.
 * Every PT_LOAD segment becomes an area with the segment's permissions;
 * its bytes are copied into fresh frames at exec time (no page cache:
 * eager loading keeps this file short), the rest of the area is zero
 * (bss). The break starts after the highest segment. */
#include "binfmts.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>
#include <linux/elf.h>

static bool elf_check(const Elf32_Ehdr *e)
{
	return !memcmp(e->e_ident, ELFMAG, SELFMAG) &&
	       e->e_ident[EI_CLASS] == ELFCLASS32 &&
	       e->e_ident[EI_DATA] == ELFDATA2LSB && e->e_type == ET_EXEC &&
	       e->e_machine == EM_386 &&
	       e->e_phentsize == sizeof(Elf32_Phdr) && e->e_phnum > 0 &&
	       e->e_phnum <= 64;
}

static u32 elf_vm_flags(const Elf32_Phdr *ph)
{
	return (ph->p_flags & PF_R ? VM_READ : 0) |
	       (ph->p_flags & PF_W ? VM_WRITE : 0) |
	       (ph->p_flags & PF_X ? VM_EXEC : 0);
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

/* load_segment — the area, then the file bytes page by page. */
static int load_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	unsigned long end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long va, file_end = ph->p_vaddr + ph->p_filesz;
	int err;

	if (ph->p_filesz > ph->p_memsz || end > TASK_SIZE || end < start)
		return -ENOEXEC;
	err = map_area(bprm->mm, start, end, elf_vm_flags(ph));
	for (va = start; !err && va < end; va += PAGE_SIZE) {
		unsigned long lo = MAX(va, ph->p_vaddr), hi = MIN(va + PAGE_SIZE,
								  file_end);
		struct page *page = exec_get_page(bprm->mm, va);

		if (!page)
			return -ENOMEM;
		if (lo < hi && bprm->read(bprm, ph->p_offset + lo - ph->p_vaddr,
					  (char *)page_address(page) +
					  (lo - va), hi - lo) != (long)(hi - lo))
			return -ENOEXEC;
	}
	if (end > bprm->brk)
		bprm->brk = end;
	return err;
}

/* phdr_address — AT_PHDR: where the program headers are in memory. */
static unsigned long phdr_address(const Elf32_Ehdr *e, const Elf32_Phdr *ph)
{
	for (int i = 0; i < e->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && e->e_phoff >= ph[i].p_offset &&
		    e->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + e->e_phoff - ph[i].p_offset;
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *e = (const Elf32_Ehdr *)bprm->buf;
	u32 size = e->e_phnum * sizeof(Elf32_Phdr);
	Elf32_Phdr *ph;
	int err = 0;

	if (!elf_check(e))
		return -ENOEXEC;
	ph = kmalloc(size);
	if (!ph)
		return -ENOMEM;
	if (bprm->read(bprm, e->e_phoff, ph, size) != (long)size)
		err = -ENOEXEC;
	for (int i = 0; !err && i < e->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			err = load_segment(bprm, &ph[i]);
		else if (ph[i].p_type == PT_INTERP)
			err = -ENOEXEC;	/* static binaries only */
	bprm->entry = e->e_entry;
	bprm->phdr_addr = phdr_address(e, ph);
	bprm->phnum = e->e_phnum;
	kfree(ph);
	return err;
}
