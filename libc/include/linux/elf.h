/* linux/elf.h — the ELF32 structures clonix loads (Linux
 * include/uapi/linux/elf.h, System V ABI i386 supplement). The keys of
 * the auxiliary vector are in <linux/auxvec.h>, as on Linux. */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

typedef unsigned int Elf32_Addr;
typedef unsigned short Elf32_Half;
typedef unsigned int Elf32_Off;
typedef unsigned int Elf32_Word;

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define EI_CLASS	4
#define ELFCLASS32	1
#define EI_DATA		5
#define ELFDATA2LSB	1
#define ET_EXEC		2
#define ET_DYN		3
#define EM_386		3
#define PT_LOAD		1
#define PT_INTERP	3
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_STACK	0x6474e551
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;
	Elf32_Off e_phoff;
	Elf32_Off e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	Elf32_Word p_type;
	Elf32_Off p_offset;
	Elf32_Addr p_vaddr;
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

#endif
