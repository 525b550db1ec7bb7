/* libc/src/unistd/write.c — write(2). */
#include <unistd.h>
#include "../internal.h"

ssize_t write(int fd, const void *buf, size_t count)
{
	return __SC_CP(__NR_write, fd, buf, count, 0);
}
