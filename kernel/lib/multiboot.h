/* kernel/lib/multiboot.h — the Multiboot 0.6.96 information structure
 * (GNU Multiboot Specification §3.3), the fields clonix reads. */
#ifndef CLONIX_MULTIBOOT_H
#define CLONIX_MULTIBOOT_H

#include "kernel.h"

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MULTIBOOT_INFO_MEMORY		0x001
#define MULTIBOOT_INFO_CMDLINE		0x004
#define MULTIBOOT_INFO_MEM_MAP		0x040
#define MULTIBOOT_MEMORY_AVAILABLE	1

struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KiB below 1 MiB / above 1 MiB */
	u32 boot_device;
	u32 cmdline;			/* physical address of a C string */
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;	/* physical address of the map */
} __packed;

struct multiboot_mmap_entry {
	u32 size;			/* of the rest of this entry */
	u64 addr, len;
	u32 type;
} __packed;

#endif
