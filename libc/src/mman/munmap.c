/* libc/src/mman/munmap.c — munmap(2). */
#include <sys/mman.h>
#include "../internal.h"

int munmap(void *addr, size_t len)
{
	return __SC(2, __NR_munmap, (long)addr, len);
}
