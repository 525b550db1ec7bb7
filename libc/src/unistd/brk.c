/* libc/src/unistd/brk.c — brk(2) and sbrk(3). The raw call returns the new break, or
 * the old one when it refused: that is how failure is seen. */
#include <unistd.h>
#include "../internal.h"

static unsigned long cur_brk;

int brk(void *addr)
{
	cur_brk = __syscall1(__NR_brk, (long)addr);
	if (cur_brk != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	unsigned long old;

	if (!cur_brk)
		cur_brk = __syscall1(__NR_brk, 0);
	old = cur_brk;
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
