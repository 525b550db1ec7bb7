/* kernel/mm/msync.c — msync(2): a shared file mapping's stores to the
 * disk. Linux mm/msync.c. A store through MAP_SHARED dirties the page
 * in the page cache at once (read(2) sees it without msync); MS_SYNC
 * writes the file back and waits, like fsync; MS_ASYNC has nothing to
 * start that the flusher would not do within seconds. */
#include "mm.h"
#include "../fs/fs.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/mman.h>

#define vma_next(mm, v)	((v)->vm_list.next == &(mm)->mmap ? NULL : \
	list_entry((v)->vm_list.next, struct vm_area_struct, vm_list))

/* sys_msync — Linux's checks and walk: a hole in the range is ENOMEM,
 * reported after the areas around it were synced. */
long sys_msync(unsigned long start, unsigned long len, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;
	unsigned long end;
	long unmapped = 0, err;

	if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
	    !IS_ALIGNED(start, PAGE_SIZE) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start)
		return -ENOMEM;
	for (v = find_vma(mm, start); start < end; v = vma_next(mm, v)) {
		if (!v)
			return -ENOMEM;
		if (start < v->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			unmapped = -ENOMEM;
			start = v->vm_start;
			if (start >= end)
				return -ENOMEM;
		}
		if ((flags & MS_SYNC) && v->vm_file && (v->vm_flags & VM_SHARED) &&
		    (err = vfs_fsync(v->vm_file, false)))
			return err;
		start = v->vm_end;
	}
	return unmapped;
}
