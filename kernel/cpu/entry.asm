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
IRET_ERROR_VECTOR equ 0x100		; trap.h: no hardware vector has it

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
%rep 64
	VECTOR i
 %assign i i + 1
%endrep

; syscall_entry — int $0x80: like a trap, but orig_eax keeps the number
; (restarting an interrupted call needs it: signal_frame.c).
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
.pop_ds:
	pop	ds
.pop_es:
	pop	es
.pop_fs:
	pop	fs
.pop_gs:
	pop	gs
	add	esp, 12			; orig_eax, vector, error code
.iret:
	iret

; Every instruction above that loads a user's selector can fault, and a
; user decides whether it does: a TLS slot emptied by set_thread_area
; while its selector sits in %ds, %es, %fs, %gs or %ss, or a selector
; from a signal handler's sigcontext. Each has a fixup in __ex_table
; (trap.c:fixup_exit_path finds it), never a kernel panic (Linux
; entry_32.S RESTORE_REGS and iret_exc):
;  - a data segment register gets the null selector and the pop is
;    retried, so the program goes on with a null %ds/%es/%fs/%gs;
;  - a failed iret (a bad %ss or %cs) leaves the user's frame on the
;    stack: it becomes a trap from user mode with the software vector
;    IRET_ERROR_VECTOR, and trap_dispatch sends SIGILL (ILL_BADSTK).
.fix_ds:
	mov	dword [esp], 0
	jmp	.pop_ds
.fix_es:
	mov	dword [esp], 0
	jmp	.pop_es
.fix_fs:
	mov	dword [esp], 0
	jmp	.pop_fs
.fix_gs:
	mov	dword [esp], 0
	jmp	.pop_gs
.fix_iret:
	push	0			; error code
	push	IRET_ERROR_VECTOR	; vector
	jmp	common_entry

section __ex_table alloc noexec nowrite
	dd	.pop_ds, .fix_ds
	dd	.pop_es, .fix_es
	dd	.pop_fs, .fix_fs
	dd	.pop_gs, .fix_gs
	dd	.iret, .fix_iret
section .text

global ret_from_trap_fix_iret		; for trap.c's fixup_exit_path
ret_from_trap_fix_iret equ .fix_iret

; The address of each stub, for idt_init.
section .rodata
global vector_table
vector_table:
%assign i 0
%rep 64
	dd	vector %+ i
 %assign i i + 1
%endrep
