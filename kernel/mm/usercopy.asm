; kernel/mm/usercopy.asm — the two instructions that touch user memory.
; Linux arch/x86/lib/usercopy_32.c and the __ex_table; xv6 has no
; equivalent (it copies through physical addresses, which breaks COW).
;
; A fault on the rep instruction first goes through do_page_fault like
; any other: demand paging or a COW break resolves it and the instruction
; restarts where it stopped (ecx counts what is left). Only a fault that
; cannot be resolved is "fixed up": fixup_exception finds the instruction
; in __ex_table and resumes at its fixup label, which returns ecx, the
; number of bytes NOT copied.
;
; u32 __copy_user(void *dst, const void *src, u32 n)
;	[esp+12] dst  [esp+16] src  [esp+20] n   (after pushing esi, edi)
; u32 __clear_user(void *dst, u32 n)
;	[esp+8] dst  [esp+12] n   (after pushing edi)

section .text
global __copy_user
__copy_user:
	push	esi
	push	edi
	mov	edi, [esp + 12]
	mov	esi, [esp + 16]
	mov	ecx, [esp + 20]
.copy:	rep movsb
.done:	mov	eax, ecx
	pop	edi
	pop	esi
	ret

global __clear_user
__clear_user:
	push	edi
	mov	edi, [esp + 8]
	mov	ecx, [esp + 12]
	xor	eax, eax
.clear:	rep stosb
.done:	mov	eax, ecx
	pop	edi
	ret

; struct exception_table_entry { u32 insn, fixup; } (linker.ld gathers them)
section __ex_table alloc noexec nowrite
	dd	__copy_user.copy, __copy_user.done
	dd	__clear_user.clear, __clear_user.done
