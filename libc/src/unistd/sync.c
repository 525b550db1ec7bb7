/* libc/src/unistd/sync.c — sync(2). */
#include <unistd.h>
#include "../internal.h"

void sync(void)
{
	__syscall0(__NR_sync);
}
