/* libc/src/mman/mmap.c — mmap(2) through mmap2 (the offset in pages). */
#include <sys/mman.h>
#include "../internal.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__SC(6, __NR_mmap2, (long)addr, len, prot, flags, fd,
			    off >> 12);
}
