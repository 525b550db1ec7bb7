/* libc/src/unistd/ftruncate.c — ftruncate(2). */
#include <unistd.h>
#include "../internal.h"

int ftruncate(int fd, off_t length)
{
	return __SC(2, __NR_ftruncate, fd, length);
}
