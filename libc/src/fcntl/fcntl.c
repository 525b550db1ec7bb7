/* libc/src/fcntl/fcntl.c — fcntl(2), through fcntl64. */
#include <fcntl.h>
#include <stdarg.h>
#include "../internal.h"

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return __SC(3, __NR_fcntl64, fd, cmd, arg);
}
