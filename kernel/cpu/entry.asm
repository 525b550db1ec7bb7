; kernel/cpu/entry.asm — every trap, IRQ and system call enters here.
; Linux arch/x86/entry/entry_32.S (SAVE_ALL/RESTORE_REGS); xv6 trapasm.S.
;
; A stub per vector pushes a dummy error code (unless the CPU pushed one)
; and the vector number, then jumps to common_entry, which completes
; struct pt_regs (kernel/cpu/ptrace.h) and calls trap_dispatch(regs).
;
; Stack at the call, low addresses first (offsets from esp after "push esp"):
;	+4	ebx ecx edx esi edi ebp eax	(pt_regs.bx .. ax,  0..24)
;	+32	ds es fs gs			(pt_regs.ds .. gs, 28..40)
;	+48	orig_eax (-1: not a syscall)	(pt_regs.orig_ax, 44)
;	+52	vector				(pt_regs.trapno, 48)
;	+56	error code or 0			(pt_regs.err, 52)
;	+60	eip cs eflags [esp ss]		(pushed by the CPU, 56..)

KERNEL_DS	equ 0x68

extern trap_dispatch

; Vectors 8, 10-14, 17, 21, 29, 30 get an error code from the CPU.
%macro VECTOR 1
global vector%1
vector%1:
 %if %1 = 8 || (%1 >= 10 && %1 <= 14) || %1 = 17 || %1 = 21 || %1 = 29 || %1 = 30
 %else
	push	0
 %endif
	push	%1
	jmp	common_entry
%endmacro

section .text
%assign i 0
%rep 48
	VECTOR i
 %assign i i + 1
%endrep

; syscall_entry — int $0x80: like a trap, but orig_eax keeps the number
; (the syscall restart logic of the signals issue needs it).
global syscall_entry
syscall_entry:
	push	0			; error code
	push	0x80			; vector
	push	eax			; orig_eax: the system call number
	jmp	save_all

common_entry:
	push	-1			; orig_eax: not a system call
save_all:
	push	gs
	push	fs
	push	es
	push	ds
	push	eax
	push	ebp
	push	edi
	push	esi
	push	edx
	push	ecx
	push	ebx
	mov	eax, KERNEL_DS
	mov	ds, eax
	mov	es, eax
	cld
	push	esp			; trap_dispatch(struct pt_regs *regs)
	call	trap_dispatch
	add	esp, 4

; ret_from_trap: the one way back to the interrupted context; a new task's
; first return to user mode will come through here as well.
global ret_from_trap
ret_from_trap:
	pop	ebx
	pop	ecx
	pop	edx
	pop	esi
	pop	edi
	pop	ebp
	pop	eax
	pop	ds
	pop	es
.pop_fs:
	pop	fs
.pop_gs:
	pop	gs
	add	esp, 12			; orig_eax, vector, error code
	iret

; A user-chosen %fs or %gs may name no usable segment: a TLS slot emptied
; by set_thread_area, or a selector from a signal handler's sigcontext.
; Loading it faults here, in the kernel; the fixup (found in __ex_table
; by trap_dispatch) replaces the saved selector with 0 and tries again,
; so the program sees a null %gs, as on Linux, not a kernel panic.
.fix_fs:
	mov	dword [esp], 0
	jmp	.pop_fs
.fix_gs:
	mov	dword [esp], 0
	jmp	.pop_gs

global ret_from_trap_fix_fs		; for trap.c's fixup_segment
ret_from_trap_fix_fs equ .fix_fs

section __ex_table alloc noexec nowrite
	dd	.pop_fs, .fix_fs
	dd	.pop_gs, .fix_gs
section .text

; The address of each stub, for idt_init.
section .rodata
global vector_table
vector_table:
%assign i 0
%rep 48
	dd	vector %+ i
 %assign i i + 1
%endrep
