/* linux/elf.h — the ELF32 structures clonix loads (Linux
 * include/uapi/linux/elf.h, System V ABI i386 supplement), and the
 * auxiliary-vector keys of the initial stack (linux/auxvec.h). */
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

/* auxiliary vector keys (include/uapi/linux/auxvec.h) */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31

#endif
