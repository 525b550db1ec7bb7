/* libc/src/mman/msync.c — msync(2) and mremap(2). */
#include <stdarg.h>
#include <sys/mman.h>
#include "../internal.h"

int msync(void *addr, size_t len, int flags)
{
	return __SC(3, __NR_msync, (long)addr, len, flags);
}

/* mremap — the fifth argument, the new address, only with MREMAP_FIXED */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__SC(5, __NR_mremap, (long)old, old_len, new_len, flags,
			    (long)new_addr);
}
