/* libc/src/unistd/lseek.c — lseek(2). */
#include <unistd.h>
#include "../internal.h"

off_t lseek(int fd, off_t off, int whence)
{
	return __SC(3, __NR_lseek, fd, off, whence);
}
