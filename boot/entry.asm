; boot/entry.asm — multiboot header and the jump to the higher half.
; OSDev "Higher Half x86 Bare Bones"; xv6 entry.S; Linux arch/x86/kernel/head_32.S.
;
; Entered from GRUB or QEMU -kernel in 32-bit protected mode, paging off:
;	eax = 0x2BADB002 (multiboot magic)	ebx = physical address of multiboot info
; We map the first 16 MiB twice with 4 MiB (PSE) pages, at 0 (so the next
; instruction still runs) and at 0xC0000000, turn paging on, jump high and
; call kmain(magic, mbi_phys). mm_init later replaces this page directory
; with one that maps all of low memory and drops the identity map.
;
; Stack layout on entry to kmain (grows down):
;	[esp+4]	mbi_phys
;	[esp+0]	magic		(return address slot: kmain never returns)

KERNEL_VMA	equ 0xC0000000
BOOT_MAP_PDES	equ 4			; 4 x 4 MiB = 16 MiB mapped at boot
PDE_P		equ 0x001
PDE_W		equ 0x002
PDE_PS		equ 0x080
CR0_PG		equ 0x80000000
CR0_WP		equ 0x00010000
CR4_PSE		equ 0x00000010

MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ 0x00000003		; page-align modules, give memory map

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

; Runs at its load address, before paging: linked low (linker.ld .boot).
section .boot
global _start
extern kmain
extern init_task
_start:
	mov	edi, eax			; keep magic and mbi across setup
	mov	esi, ebx
	mov	ecx, boot_pgdir - KERNEL_VMA
	mov	cr3, ecx
	mov	ecx, cr4
	or	ecx, CR4_PSE
	mov	cr4, ecx
	mov	ecx, cr0
	or	ecx, CR0_PG | CR0_WP		; WP: kernel writes obey read-only PTEs (COW)
	mov	cr0, ecx
	lea	ecx, [higher_half]
	jmp	ecx

section .text
higher_half:
	mov	esp, boot_stack_top
	mov	dword [boot_stack_bottom], init_task	; current (sched.h)
	xor	ebp, ebp			; ebp = 0 ends every backtrace
	push	esi
	push	edi
	call	kmain
.hang:	cli
	hlt
	jmp	.hang

section .data
align 4096
global boot_pgdir
boot_pgdir:
%assign i 0
%rep 1024
 %if i < BOOT_MAP_PDES
	dd (i << 22) | PDE_P | PDE_W | PDE_PS
 %elif i >= 768 && i < 768 + BOOT_MAP_PDES
	dd ((i - 768) << 22) | PDE_P | PDE_W | PDE_PS
 %else
	dd 0
 %endif
 %assign i i + 1
%endrep

section .bss
align 16
; CPU 0's idle task runs on it: THREAD_SIZE, aligned to its size like
; every kernel stack, so that current finds its task (sched.h)
align 8192
global boot_stack_bottom
boot_stack_bottom:
	resb	8192
global boot_stack_top
boot_stack_top:
