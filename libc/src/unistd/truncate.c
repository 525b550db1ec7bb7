/* libc/src/unistd/truncate.c — truncate(2). */
#include <unistd.h>
#include "../internal.h"

int truncate(const char *path, off_t length)
{
	return __SC(2, __NR_truncate, (long)path, length);
}
