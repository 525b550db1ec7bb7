; kernel/cpu/trampoline.asm — where an application processor starts.
; Linux arch/x86/realmode/rm/trampoline_32.S; xv6 entryother.S.
;
; A STARTUP IPI starts the CPU in real mode at TRAMPOLINE_PHYS (a page
; of the low megabyte, which the frame allocator never hands out):
; smpboot.c copies these bytes there and fills the three words at the end.
; The code goes to protected mode with a flat GDT of its own, turns on
; paging with a copy of the kernel's page directory that also maps the
; low 4 MiB at 0 (trampoline_pgd: the next instruction is mapped either
; way), takes the idle task's stack and jumps to start_secondary.
; The code is linked high but runs at TRAMPOLINE_PHYS: every address it
; uses is computed as TRAMPOLINE_PHYS + (label - trampoline_start).

TRAMPOLINE_PHYS	equ 0x8000
CR0_PE		equ 0x00000001
CR0_PG_WP	equ 0x80010000
CR4_PSE		equ 0x00000010

%define PHYS(label) (TRAMPOLINE_PHYS + (label - trampoline_start))

section .rodata
global trampoline_start, trampoline_end, trampoline_args
bits 16
trampoline_start:
	cli
	xor	ax, ax
	mov	ds, ax
	lgdt	[PHYS(tramp_gdtr)]
	mov	eax, cr0
	or	eax, CR0_PE
	mov	cr0, eax
	jmp	dword 0x08:PHYS(tramp_32)

bits 32
tramp_32:
	mov	ax, 0x10
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	eax, cr4
	or	eax, CR4_PSE
	mov	cr4, eax
	mov	eax, [PHYS(tramp_cr3)]
	mov	cr3, eax
	mov	eax, cr0
	or	eax, CR0_PG_WP
	mov	cr0, eax
	mov	esp, [PHYS(tramp_stack)]
	xor	ebp, ebp		; ends every backtrace
	mov	eax, [PHYS(tramp_entry)]
	jmp	eax

align 8
tramp_gdt:
	dq	0
	dq	0x00CF9A000000FFFF	; 0x08: flat 32-bit code
	dq	0x00CF92000000FFFF	; 0x10: flat data
tramp_gdtr:
	dw	3 * 8 - 1
	dd	PHYS(tramp_gdt)
align 4
trampoline_args:			; struct trampoline_args (smpboot.c)
tramp_cr3:	dd 0			; trampoline_pgd()
tramp_stack:	dd 0			; top of the idle task's stack
tramp_entry:	dd 0			; start_secondary
trampoline_end:
