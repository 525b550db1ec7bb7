; kernel/cpu/switch.asm — switch_stacks: the context switch itself.
; Linux arch/x86/entry/entry_32.S __switch_to_asm; xv6 swtch.S.
;
; void switch_stacks(u32 *prev_sp, u32 next_sp)
; Saves the callee-saved registers on the current kernel stack, stores
; %esp in *prev_sp, loads next_sp and pops the next task's registers; its
; "ret" returns into the next task's own call of switch_stacks (or, for a
; new task, into ret_from_fork or ret_from_kernel_thread, seeded by
; kernel/task/fork.c:copy_thread).
;
; Stack of a switched-out task, from its saved sp upward:
;	+0  edi   +4  esi   +8  ebx   +12 ebp   +16 return address

section .text
global switch_stacks
switch_stacks:
	mov	eax, [esp + 4]		; prev_sp
	mov	edx, [esp + 8]		; next_sp
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	[eax], esp
	mov	esp, edx
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret

; ret_from_kernel_thread — first instructions of a new kernel thread:
; switch_stacks popped ebx = arg and esi = fn (seeded by copy_thread).
; The frame pointer chain ends here (ebp = 0). When fn returns,
; kthread_return either ends the thread or, after an exec, gives the
; struct pt_regs to leave for user mode through.
extern schedule_tail
extern kthread_return
extern ret_from_trap
extern unlock_kernel
global ret_from_kernel_thread
ret_from_kernel_thread:
	call	schedule_tail
	push	ebx
	call	esi
	push	eax
	call	kthread_return
	mov	esp, eax
	call	unlock_kernel		; to user mode: the big lock stays here
	jmp	ret_from_trap

; ret_from_fork — first instructions of a forked child: switch_stacks
; returned here with %esp at the child's struct pt_regs (a copy of the
; parent's, %eax = 0), so it leaves the kernel as from a system call.
global ret_from_fork
ret_from_fork:
	call	schedule_tail
	call	unlock_kernel		; taken by whoever entered schedule()
	jmp	ret_from_trap
