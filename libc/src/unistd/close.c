/* libc/src/unistd/close.c — close(2). */
#include <unistd.h>
#include "../internal.h"

int close(int fd)
{
	return __SC(1, __NR_close, fd);
}
