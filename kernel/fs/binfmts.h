/* kernel/fs/binfmts.h — struct linux_binprm: an exec in progress.
 * Linux include/linux/binfmts.h; ULK 20.4 "The exec Functions". */
#ifndef CLONIX_BINFMTS_H
#define CLONIX_BINFMTS_H

#include "fs.h"
#include "../mm/mm.h"
#include <linux/elf.h>

#define BINPRM_BUF_SIZE	256
#define MAX_ARG_STRLEN	(32 * PAGE_SIZE)	/* one string, as Linux */
#define ARG_MAX		(32 * PAGE_SIZE)	/* always allowed: 128 KiB */
#define _STK_LIM	(8UL << 20)		/* Linux's default stack */

struct linux_binprm {
	const char *filename;		/* kernel copy of the path */
	/* where the executable's bytes come from (a file, or an image) */
	long (*read)(struct linux_binprm *bprm, u32 pos, void *buf, u32 n);
	const void *source;
	u32 source_size;
	/* a file's executable: the open file and its pages, which the
	 * segments map (NULL: read and copy, as for an image) */
	struct file *file;
	struct address_space *mapping;
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	char interp[BINPRM_BUF_SIZE];	/* a script's interpreter line */
	struct mm_struct *mm;		/* the new address space */
	unsigned long p;		/* lowest byte of the strings so far */
	unsigned long exec;		/* where AT_EXECFN's string is */
	int argc, envc;
	/* filled by the loader: */
	unsigned long entry;		/* the first instruction: the
					   interpreter's, if there is one */
	unsigned long user_entry;	/* the program's (AT_ENTRY) */
	unsigned long interp_base;	/* AT_BASE: the interpreter's bias */
	unsigned long phdr_addr, phnum, brk;
	int fatal_sig;			/* a bad segment: die of this */
};

/* struct elf_image — one ELF file being loaded: the program, or its
 * interpreter (elf_segments.c) */
struct elf_image {
	Elf32_Ehdr ehdr;
	Elf32_Phdr *phdr;		/* the program header table */
	struct inode *inode;		/* the interpreter's; NULL: the program,
					   read through bprm->read */
	struct file *file;		/* what the areas map, or NULL: copy */
	struct address_space *mapping;
	unsigned long bias;		/* added to each p_vaddr (ET_DYN) */
};

long elf_read(struct linux_binprm *bprm, struct elf_image *img, u32 pos,
	      void *buf, u32 n);
int elf_load_segments(struct linux_binprm *bprm, struct elf_image *img,
		      bool interp, unsigned long *brk);
int copy_string_kernel(struct linux_binprm *bprm, const char *s);
int load_elf_binary(struct linux_binprm *bprm);
struct task_struct;
int de_thread(struct task_struct *tsk);
int load_script(struct linux_binprm *bprm, long n);
int open_exec(const char *path, struct inode **res);
void bprm_set_file(struct linux_binprm *bprm, struct inode *inode,
		   const char *path);
void exec_mapping(struct inode *inode, const char *path, struct file **file,
	       struct address_space **mapping);
int kernel_execve_image(const char *name, const void *img, u32 size,
			const char *const *argv, const char *const *envp);
int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp);

#endif
