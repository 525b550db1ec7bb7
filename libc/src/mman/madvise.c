/* libc/src/mman/madvise.c — madvise(2). */
#include <sys/mman.h>
#include "../internal.h"

int madvise(void *addr, size_t len, int advice)
{
	return __SC(3, __NR_madvise, (long)addr, len, advice);
}
