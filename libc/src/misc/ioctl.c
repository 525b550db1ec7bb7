/* libc/src/misc/ioctl.c — ioctl(2). */
#include <sys/ioctl.h>
#include <stdarg.h>
#include "../internal.h"

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	long arg;

	va_start(ap, req);
	arg = va_arg(ap, long);
	va_end(ap);
	return __SC(3, __NR_ioctl, fd, req, arg);
}
