/* libc/src/unistd/dup2.c — dup2(2). */
#include <unistd.h>
#include "../internal.h"

int dup2(int oldfd, int newfd)
{
	return __SC(2, __NR_dup2, oldfd, newfd);
}
