; libc/src/arch/i386/syscall_cp.asm — the system call at a cancellation
; point, and a detached thread's last two calls.
;
; long __syscall_cp_asm(volatile int *cancel, long nr, a, b, c, d, e)
; Between __cp_begin and __cp_end the cancel flag has been (or is about to
; be) checked and "int $0x80" not yet completed: if SIGCANCEL's handler
; finds the interrupted eip in that range, the call has had no effect,
; and the handler sends the thread to __cp_cancel instead of back. A
; blocking call interrupted with SA_RESTART is rewound onto the int (eip
; in range); one that returns EINTR is caught by __syscall_cp in C. This
; closes the window between "check the flag" and "block in the kernel"
; (musl's design; glibc does the same with its own asm).
%include "unistd_32.inc"

section .text
global __syscall_cp_asm, __cp_begin, __cp_end, __cp_cancel
extern __cancel
__syscall_cp_asm:
	push	ebp
	push	edi
	push	esi
	push	ebx
__cp_begin:
	mov	eax, [esp + 20]
	cmp	dword [eax], 0
	jne	__cp_cancel
	mov	eax, [esp + 24]
	mov	ebx, [esp + 28]
	mov	ecx, [esp + 32]
	mov	edx, [esp + 36]
	mov	esi, [esp + 40]
	mov	edi, [esp + 44]
	int	0x80
__cp_end:
	pop	ebx
	pop	esi
	pop	edi
	pop	ebp
	ret
__cp_cancel:
	pop	ebx
	pop	esi
	pop	edi
	pop	ebp
	jmp	__cancel		; does not return

; void __unmapself(void *base, size_t size) — a detached thread frees its
; own stack and exits; after munmap nothing may touch the stack, so both
; calls take their arguments in registers only.
global __unmapself
__unmapself:
	mov	ebx, [esp + 4]
	mov	ecx, [esp + 8]
	mov	eax, __NR_munmap
	int	0x80
	xor	ebx, ebx
	mov	eax, __NR_exit		; this thread only
	int	0x80
	hlt

section .note.GNU-stack noalloc noexec nowrite progbits
