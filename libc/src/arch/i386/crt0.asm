; libc/src/arch/i386/crt0.asm — _start: from the Linux initial stack to
; main. System V i386 ABI, "Process Initialization"; Linux fs/binfmt_elf.c.
;
; Stack at _start (esp 16-byte aligned by the kernel):
;	[esp]		argc
;	[esp+4]		argv[0] ... argv[argc-1], NULL
;	then		envp[0] ... NULL, then the auxiliary vector
; We call __libc_start_main(argc, argv, envp) with ebp = 0 (the end of
; every backtrace), keeping the stack 16-byte aligned at the call.

section .text
global _start
extern __libc_start_main
_start:
	xor	ebp, ebp
	mov	eax, [esp]		; argc
	lea	ecx, [esp + 4]		; argv
	lea	edx, [ecx + eax * 4 + 4]	; envp = argv + argc + 1
	and	esp, -16
	sub	esp, 4			; 3 pushes + this = 16 bytes
	push	edx
	push	ecx
	push	eax
	call	__libc_start_main
	hlt				; not reached: it calls exit

section .note.GNU-stack noalloc noexec nowrite progbits
