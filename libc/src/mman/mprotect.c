/* libc/src/mman/mprotect.c — mprotect(2). */
#include <sys/mman.h>
#include "../internal.h"

int mprotect(void *addr, size_t len, int prot)
{
	return __SC(3, __NR_mprotect, (long)addr, len, prot);
}
