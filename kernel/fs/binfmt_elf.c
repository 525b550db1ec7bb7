/* kernel/fs/binfmt_elf.c — loading an ELF32 i386 executable, static or
 * dynamically linked; Linux fs/binfmt_elf.c (load_elf_binary,
 * load_elf_interp); ULK 20.4. A dynamically linked program names its
 * dynamic linker in PT_INTERP: both are loaded (elf_segments.c), and the
 * process starts in the linker, which finds the program through the
 * auxiliary vector (AT_PHDR, AT_ENTRY, AT_BASE: exec.c) and maps the
 * libraries itself with mmap.
 * Linux's split between errors and signals: what is wrong with the ELF
 * header, the program header table or PT_INTERP is an error that execve
 * returns (the old program goes on); what is wrong with a segment is
 * found after the point of no return, and the process dies of it:
 * bprm->fatal_sig, SIGSEGV; a page of a segment that lies past the
 * file's end is a SIGBUS when it is first touched, as on Linux. */
#include "binfmts.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/auxvec.h>
#include <linux/elf.h>

/* elf_check — Linux's header checks: an i386 executable or shared
 * object whose program header table fits in one page (ELF_MIN_ALIGN),
 * so at most 128 entries. */
static bool elf_check(const Elf32_Ehdr *e)
{
	return !memcmp(e->e_ident, ELFMAG, SELFMAG) &&
	       e->e_ident[EI_CLASS] == ELFCLASS32 &&
	       e->e_ident[EI_DATA] == ELFDATA2LSB &&
	       (e->e_type == ET_EXEC || e->e_type == ET_DYN) &&
	       e->e_machine == EM_386 &&
	       e->e_phentsize == sizeof(Elf32_Phdr) && e->e_phnum > 0 &&
	       e->e_phnum <= PAGE_SIZE / sizeof(Elf32_Phdr);
}

/* read_phdrs — the image's program header table (kmalloc'd). */
static int read_phdrs(struct linux_binprm *bprm, struct elf_image *img)
{
	u32 size = img->ehdr.e_phnum * sizeof(Elf32_Phdr);
	long n;

	img->phdr = kmalloc(size);
	if (!img->phdr)
		return -ENOMEM;
	n = elf_read(bprm, img, img->ehdr.e_phoff, img->phdr, size);
	return n == (long)size ? 0 : n < 0 ? n : -EIO;
}

/* open_interp — PT_INTERP names the dynamic linker. Linux's checks, in
 * its order: a path of 2 to PATH_MAX bytes ending in NUL (ENOEXEC), a
 * file that exists and may be executed (open_exec's errors), an i386
 * ELF file (ELIBBAD; EIO when it is shorter than its header). */
static int open_interp(struct linux_binprm *bprm, const Elf32_Phdr *ph,
		       struct elf_image *interp)
{
	struct inode *inode;
	char *path;
	long n;
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
		err = open_exec(path, &inode);	/* sets inode only on success */
	if (!err) {
		interp->inode = inode;
		exec_mapping(inode, path, &interp->file, &interp->mapping);
		n = elf_read(bprm, interp, 0, &interp->ehdr, sizeof(interp->ehdr));
		err = n == sizeof(interp->ehdr) ? 0 : n < 0 ? n : -EIO;
		if (!err && !elf_check(&interp->ehdr))
			err = -ELIBBAD;
		err = err ?: read_phdrs(bprm, interp);
	}
	kfree(path);
	return err;
}

/* put_image — what loading an image held; the areas keep their own. */
static void put_image(struct elf_image *img)
{
	kfree(img->phdr);
	if (img->mapping)
		mapping_put(img->mapping);
	if (img->file)
		fput(img->file);
	if (img->inode)
		iput(img->inode);
}

/* phdr_address — AT_PHDR: where the program headers are in memory. */
static unsigned long phdr_address(const struct elf_image *img)
{
	const Elf32_Ehdr *e = &img->ehdr;
	const Elf32_Phdr *ph = img->phdr;

	for (int i = 0; i < e->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && e->e_phoff >= ph[i].p_offset &&
		    e->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + e->e_phoff - ph[i].p_offset +
			       img->bias;
	return 0;
}

/* load_images — the program's segments, then the interpreter's; the
 * process will start in the interpreter if there is one. */
static void load_images(struct linux_binprm *bprm, struct elf_image *prog,
			struct elf_image *interp)
{
	unsigned long interp_brk = 0;

	bprm->fatal_sig = elf_load_segments(bprm, prog, false, &bprm->brk);
	if (!bprm->fatal_sig && interp->inode)
		bprm->fatal_sig = elf_load_segments(bprm, interp, true,
						    &interp_brk);
	bprm->user_entry = prog->ehdr.e_entry + prog->bias;
	bprm->entry = interp->inode ? interp->ehdr.e_entry + interp->bias :
		      bprm->user_entry;
	bprm->interp_base = interp->inode ? interp->bias : 0;
	bprm->phdr_addr = phdr_address(prog);
	bprm->phnum = prog->ehdr.e_phnum;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image prog = { .file = bprm->file, .mapping = bprm->mapping };
	struct elf_image interp = { 0 };
	int err;

	memcpy(&prog.ehdr, bprm->buf, sizeof(prog.ehdr));
	if (!elf_check(&prog.ehdr))
		return -ENOEXEC;
	err = read_phdrs(bprm, &prog);
	for (int i = 0; !err && i < prog.ehdr.e_phnum; i++)
		if (prog.phdr[i].p_type == PT_INTERP) {
			err = open_interp(bprm, &prog.phdr[i], &interp);
			break;
		}
	if (!err)
		load_images(bprm, &prog, &interp);
	prog.file = NULL;		/* bprm's own */
	prog.mapping = NULL;
	put_image(&prog);
	put_image(&interp);
	return err;
}
