/* kernel/mm/sys_mm.c — brk, mmap, munmap, mprotect: decode, check, call
 * mm/mmap.c. Linux mm/mmap.c (SYSCALL_DEFINEs), mm/mprotect.c. A file
 * that its file system cannot map (a device, a pipe, a directory)
 * answers -ENODEV, as on Linux. */
#include "mm.h"
#include "../fs/fdtable.h"
#include "uaccess.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/mman.h>

#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)

static u32 prot_to_vm(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE | VM_READ : 0) |
	       (prot & PROT_EXEC ? VM_EXEC | VM_READ : 0);
}

/* sys_brk — move the end of the heap; returns the new break, or the old
 * one when the move is refused (Linux's convention, not -errno). */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk = ALIGN_UP(brk, PAGE_SIZE);
	unsigned long oldbrk = ALIGN_UP(mm->brk, PAGE_SIZE);
	struct vm_area_struct *next;

	if (brk < mm->start_brk || brk > TASK_SIZE - STACK_LIMIT)
		return mm->brk;
	if (newbrk < oldbrk) {
		do_munmap(mm, newbrk, oldbrk - newbrk);
	} else if (newbrk > oldbrk) {
		next = find_vma(mm, oldbrk);
		if (next && next->vm_start < newbrk + PAGE_SIZE)
			return mm->brk;		/* would touch the next area */
		if (!may_expand_vm(mm, (newbrk - oldbrk) >> PAGE_SHIFT))
			return mm->brk;		/* RLIMIT_AS, or beyond RAM */
		if (insert_vm_area(mm, oldbrk, newbrk, VM_READ | VM_WRITE))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

/* file_object — what a file mapping maps, with Linux do_mmap's file
 * checks in its order: access first (read always, write for a writable
 * shared mapping: EACCES), then whether the file system can map it at
 * all (ext2 and tmpfs files can, devices cannot: ENODEV). */
static long file_object(struct file *f, unsigned long type, unsigned long prot,
			struct address_space **obj)
{
	if (type == MAP_SHARED && (prot & PROT_WRITE) &&
	    !(f->f_mode & FMODE_WRITE))
		return -EACCES;
	if (!(f->f_mode & FMODE_READ))
		return -EACCES;
	if (!f->f_op || !f->f_op->mmap)
		return -ENODEV;
	return f->f_op->mmap(f, obj);
}

/* mmap_checks — the arguments, as Linux checks them once the file (if
 * any) is known. */
static long mmap_checks(unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long pgoff)
{
	unsigned long type = flags & MAP_TYPE;

	if (!len || (prot & ~PROT_ALL) ||
	    (type != MAP_PRIVATE && type != MAP_SHARED))
		return -EINVAL;
	if ((flags & MAP_FIXED) && !IS_ALIGNED(addr, PAGE_SIZE))
		return -EINVAL;
	return pgoff > TASK_SIZE >> PAGE_SHIFT ? -EINVAL : 0;
}

/* sys_mmap_pgoff — mmap2: the offset is in pages. A bad descriptor is
 * found before anything else (Linux ksys_mmap_pgoff). */
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
		    unsigned long flags, long fd, unsigned long pgoff)
{
	struct file *f = flags & MAP_ANONYMOUS ? NULL : fget(fd);
	struct address_space *obj = NULL;
	u32 vm_flags = prot_to_vm(prot);
	long r;

	if (!(flags & MAP_ANONYMOUS) && !f)
		return -EBADF;
	r = mmap_checks(addr, len, prot, flags, pgoff);
	if (!r && f)
		r = file_object(f, flags & MAP_TYPE, prot, &obj);
	if ((flags & MAP_TYPE) == MAP_SHARED)
		vm_flags |= VM_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (!r)
		r = do_mmap(current->mm, ALIGN_DOWN(addr, PAGE_SIZE), len,
			    vm_flags, flags & MAP_FIXED, obj, pgoff, f);
	if (obj)
		mapping_put(obj);
	if (f)
		fput(f);
	return r;
}

/* sys_old_mmap — the old i386 mmap: one pointer to six arguments, the
 * offset in bytes (must be page-aligned). */
long sys_old_mmap(const u32 *uargs)
{
	u32 a[6];

	if (copy_from_user(a, uargs, sizeof(a)))
		return -EFAULT;
	if (!IS_ALIGNED(a[5], PAGE_SIZE))
		return -EINVAL;
	return sys_mmap_pgoff(a[0], a[1], a[2], a[3], a[4], a[5] >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return do_munmap(current->mm, addr, len);
}

long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot)
{
	if (!IS_ALIGNED(start, PAGE_SIZE) || (prot & ~PROT_ALL))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (!len)
		return 0;
	if (start + len < start || start + len > TASK_SIZE)
		return -ENOMEM;
	return do_mprotect(current->mm, start, len, prot_to_vm(prot));
}

/* madvise_valid — the advice values Linux knows (mm/madvise.c); any
 * other is EINVAL. Only MADV_DONTNEED changes what a program sees: the
 * rest are hints, and clonix has no swap, readahead or huge pages to
 * apply them to. */
static bool madvise_valid(int advice)
{
	return (advice >= 0 && advice <= 4) || (advice >= 8 && advice <= 23) ||
	       advice == 100 || advice == 101;
}

/* sys_madvise — MADV_DONTNEED drops the pages of [start, start+len):
 * private memory reads as zero afterwards, shared memory is found again
 * in its object. A hole in the range is ENOMEM, after the areas around
 * it were done (madvise(2)). */
long sys_madvise(unsigned long start, unsigned long len, int advice)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, at;
	struct vm_area_struct *vma;
	long err = 0;

	if (!IS_ALIGNED(start, PAGE_SIZE) || !madvise_valid(advice))
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start || (len && end == start))
		return -EINVAL;
	for (at = start; at < end; at = vma->vm_end) {
		vma = find_vma(mm, at);
		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (vma->vm_start > at)
			err = -ENOMEM;
		if (advice == MADV_DONTNEED)
			zap_page_range(mm, MAX(at, vma->vm_start),
				       MIN(end, vma->vm_end));
	}
	return err;
}
