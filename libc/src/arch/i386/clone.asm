; libc/src/arch/i386/clone.asm — clone(3), vfork(2) and __set_gs.
; glibc's clone: int clone(int (*fn)(void *), void *stack, int flags,
;                          void *arg, pid_t *ptid, void *tls, pid_t *ctid)
; The raw i386 call takes flags, stack, ptid, tls, ctid in ebx, ecx, edx,
; esi, edi (clone(2) "C library/kernel differences").
;
; Stack after the four pushes:
;	[esp+20] fn  [esp+24] stack  [esp+28] flags  [esp+32] arg
;	[esp+36] ptid  [esp+40] tls  [esp+44] ctid
; The child's new stack gets fn and arg so that, after "pop fn", %esp is
; 16-byte aligned with arg on top: fn(arg) is then a plain call; its
; return value is the status of exit(2) (the thread's, not the group's).
%include "unistd_32.inc"

section .text
global clone
extern __syscall_error
clone:
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	ecx, [esp + 24]
	mov	eax, -22		; -EINVAL for a NULL fn or stack (glibc)
	test	ecx, ecx
	jz	.fail
	cmp	dword [esp + 20], 0
	je	.fail
	and	ecx, -16
	sub	ecx, 20
	mov	eax, [esp + 32]
	mov	[ecx + 4], eax		; arg
	mov	eax, [esp + 20]
	mov	[ecx], eax		; fn
	mov	ebx, [esp + 28]
	mov	edx, [esp + 36]
	mov	esi, [esp + 40]
	mov	edi, [esp + 44]
	mov	eax, __NR_clone
	int	0x80
	test	eax, eax
	jz	.child
.fail:	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	cmp	eax, -4095
	jae	.error
	ret
.error:	push	eax
	call	__syscall_error
	add	esp, 4
	ret
.child:	xor	ebp, ebp		; the end of every backtrace
	pop	eax
	call	eax
	mov	ebx, eax
	mov	eax, __NR_exit		; this thread only
	int	0x80
	hlt

; vfork — the child runs on the parent's stack until it execs or exits,
; so nothing may be left on it across the call: the return address is
; kept in a register and pushed back afterwards (both return through it).
global vfork
vfork:
	pop	edx
	mov	eax, __NR_vfork
	int	0x80
	push	edx
	cmp	eax, -4095
	jae	.error
	ret
.error:	push	eax
	call	__syscall_error
	add	esp, 4
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
