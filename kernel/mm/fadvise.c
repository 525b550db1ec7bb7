/* kernel/mm/fadvise.c — posix_fadvise(2), fadvise64_64 on i386: a hint
 * about how a file will be read. Linux mm/fadvise.c's checks (EBADF, a
 * pipe is ESPIPE, an unknown advice or a negative length EINVAL); the
 * page cache here reads a page when it is needed and keeps it until
 * memory runs short, so every valid hint is accepted and changes
 * nothing a program can see. */
#include "../fs/fdtable.h"
#include "../task/sched.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define POSIX_FADV_NOREUSE	5	/* the last of 0..5 */

long sys_fadvise64_64(int fd, u32 off_lo, u32 off_hi, u32 len_lo, u32 len_hi,
		      int advice)
{
	struct file *f = fget(fd);
	s64 len = (s64)((u64)len_hi << 32 | len_lo);
	long err = 0;

	(void)off_lo, (void)off_hi;
	if (!f)
		return -EBADF;
	if (S_ISFIFO(f->f_inode->i_mode))
		err = -ESPIPE;
	else if (advice < 0 || advice > POSIX_FADV_NOREUSE || len < 0)
		err = -EINVAL;
	fput(f);
	return err;
}
