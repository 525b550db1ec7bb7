; libc/src/arch/i386/setjmp.asm — setjmp and longjmp (cdecl, i386).
; A jmp_buf keeps what a call must preserve: ebx, esi, edi, ebp, the
; stack pointer after the return, and the return address. longjmp puts
; them back and makes that setjmp return val (1 when val is 0).
; sigsetjmp/siglongjmp are not provided: the signal mask is not saved.

section .text
global setjmp
global _setjmp
global longjmp
global _longjmp

setjmp:
_setjmp:
	mov	eax, [esp + 4]		; the jmp_buf
	mov	[eax], ebx
	mov	[eax + 4], esi
	mov	[eax + 8], edi
	mov	[eax + 12], ebp
	lea	ecx, [esp + 4]		; esp as the caller sees it after ret
	mov	[eax + 16], ecx
	mov	ecx, [esp]		; the return address
	mov	[eax + 20], ecx
	xor	eax, eax
	ret

longjmp:
_longjmp:
	mov	edx, [esp + 4]		; the jmp_buf
	mov	eax, [esp + 8]		; val
	test	eax, eax
	jnz	.restore
	inc	eax			; setjmp never returns 0 from a longjmp
.restore:
	mov	ebx, [edx]
	mov	esi, [edx + 4]
	mov	edi, [edx + 8]
	mov	ebp, [edx + 12]
	mov	esp, [edx + 16]
	jmp	[edx + 20]

section .note.GNU-stack noalloc noexec nowrite progbits
