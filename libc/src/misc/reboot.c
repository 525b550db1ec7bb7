/* libc/src/misc/reboot.c — reboot(2) with glibc's one-argument form. */
#include <sys/reboot.h>
#include "../internal.h"

int reboot(int cmd)
{
	return __SC(4, __NR_reboot, 0xfee1dead, 672274793, cmd, 0);
}
