/* libc/src/misc/prctl.c — prctl(2): four more arguments, as unsigned
 * longs, whatever the option uses. */
#include <stdarg.h>
#include <sys/prctl.h>
#include "../internal.h"

int prctl(int option, ...)
{
	unsigned long a[4];
	va_list ap;

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, unsigned long);
	va_end(ap);
	return __SC(5, __NR_prctl, option, a[0], a[1], a[2], a[3]);
}
