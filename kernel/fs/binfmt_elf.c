/* kernel/fs/binfmt_elf.c — loading a static ELF32 i386 executable;
 * Linux fs/binfmt_elf.c (load_elf_binary, create_elf_tables); ULK 20.4.
 * Every PT_LOAD segment becomes an area with the segment's permissions;
 * its bytes are copied into fresh frames at exec time (no page cache:
 * eager loading keeps this file short), the rest of the area is zero
 * (bss). The break starts after the highest segment.
 *
 * Linux's split between errors and signals: what is wrong with the ELF
 * header, the program header table or PT_INTERP is an error that execve
 * returns (the old program goes on); what is wrong with a segment is
 * found after the point of no return, and the process dies of it:
 * bprm->fatal_sig, SIGSEGV, or SIGBUS for file bytes the file does not
 * have (Linux maps them and the first touch faults; clonix loads
 * eagerly, so it is the exec itself that ends the process). */
#include "binfmts.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/auxvec.h>
#include <linux/elf.h>

/* elf_check — Linux's header checks; the program header table must fit
 * in one page (ELF_MIN_ALIGN), so at most 128 entries. */
static bool elf_check(const Elf32_Ehdr *e)
{
	return !memcmp(e->e_ident, ELFMAG, SELFMAG) &&
	       e->e_ident[EI_CLASS] == ELFCLASS32 &&
	       e->e_ident[EI_DATA] == ELFDATA2LSB && e->e_type == ET_EXEC &&
	       e->e_machine == EM_386 &&
	       e->e_phentsize == sizeof(Elf32_Phdr) && e->e_phnum > 0 &&
	       e->e_phnum <= PAGE_SIZE / sizeof(Elf32_Phdr);
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

/* segment_ok — Linux's checks on a PT_LOAD (EINVAL there, then SIGSEGV). */
static bool segment_ok(const Elf32_Phdr *ph)
{
	return ph->p_filesz <= ph->p_memsz && ph->p_memsz <= TASK_SIZE &&
	       ph->p_vaddr <= TASK_SIZE - ph->p_memsz &&
	       (ph->p_vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* load_segment — the area, then the file bytes page by page; 0 or the
 * signal the process will die of. */
static int load_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	unsigned long end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long va, file_end = ph->p_vaddr + ph->p_filesz;
	long n;

	if (!segment_ok(ph) || map_area(bprm->mm, start, end,
					elf_vm_flags(ph)))
		return SIGSEGV;
	for (va = start; va < end; va += PAGE_SIZE) {
		unsigned long lo = MAX(va, ph->p_vaddr), hi = MIN(va + PAGE_SIZE,
								  file_end);
		struct page *page = exec_get_page(bprm->mm, va);

		if (!page)
			return SIGSEGV;
		if (lo >= hi)
			continue;
		n = bprm->read(bprm, ph->p_offset + lo - ph->p_vaddr,
			       (char *)page_address(page) + (lo - va), hi - lo);
		if (n < 0)
			return SIGSEGV;
		if (n == 0 && lo == va)
			return SIGBUS;	/* a whole page past the file's end */
	}
	if (end > bprm->brk)
		bprm->brk = end;
	return 0;
}

/* check_interp — PT_INTERP names the dynamic linker (Linux's checks, in
 * its order): a path of 2 to PATH_MAX bytes ending in NUL, then a file
 * that exists and may be executed. clonix loads static programs only, so
 * an interpreter that is there is still -ENOEXEC. */
static int check_interp(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	struct inode *inode;
	char *path;
	int err = -ENOEXEC;

	if (ph->p_filesz > PATH_MAX || ph->p_filesz < 2)
		return -ENOEXEC;
	path = kmalloc(ph->p_filesz);
	if (!path)
		return -ENOMEM;
	if (bprm->read(bprm, ph->p_offset, path, ph->p_filesz) !=
	    (long)ph->p_filesz)
		err = -EIO;
	else if (path[ph->p_filesz - 1] == '\0')
		err = open_exec(path, &inode);
	if (!err) {
		iput(inode);
		err = -ENOEXEC;
	}
	kfree(path);
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

/* read_phdrs — the program header table, and each PT_INTERP checked;
 * every error here is execve's return value. */
static int read_phdrs(struct linux_binprm *bprm, const Elf32_Ehdr *e,
		      Elf32_Phdr *ph)
{
	u32 size = e->e_phnum * sizeof(Elf32_Phdr);
	long n = bprm->read(bprm, e->e_phoff, ph, size);
	int err = n == (long)size ? 0 : n < 0 ? n : -EIO;

	for (int i = 0; !err && i < e->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			err = check_interp(bprm, &ph[i]);
	return err;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *e = (const Elf32_Ehdr *)bprm->buf;
	Elf32_Phdr *ph;
	int err;

	if (!elf_check(e))
		return -ENOEXEC;
	ph = kmalloc(e->e_phnum * sizeof(Elf32_Phdr));
	if (!ph)
		return -ENOMEM;
	err = read_phdrs(bprm, e, ph);
	for (int i = 0; !err && !bprm->fatal_sig && i < e->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			bprm->fatal_sig = load_segment(bprm, &ph[i]);
	bprm->entry = e->e_entry;
	bprm->phdr_addr = phdr_address(e, ph);
	bprm->phnum = e->e_phnum;
	kfree(ph);
	return err;
}
