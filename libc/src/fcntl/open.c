/* libc/src/fcntl/open.c — open(2). */
#include <fcntl.h>
#include <stdarg.h>
#include "../internal.h"

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return __SC(3, __NR_open, (long)path, flags, mode);
}
