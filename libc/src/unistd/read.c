/* libc/src/unistd/read.c — read(2). */
#include <unistd.h>
#include "../internal.h"

ssize_t read(int fd, void *buf, size_t count)
{
	return __SC_CP(__NR_read, fd, buf, count, 0);
}
