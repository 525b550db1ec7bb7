/* libc/src/fcntl/openat.c — openat(2). */
#include <fcntl.h>
#include <stdarg.h>
#include "../internal.h"

int openat(int dfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return __SC(4, __NR_openat, dfd, (long)path, flags, mode);
}
