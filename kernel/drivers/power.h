/* kernel/drivers/power.h — ending the machine. */
#ifndef CLONIX_POWER_H
#define CLONIX_POWER_H

#include "../lib/kernel.h"

/* Status codes carried to the host through isa-debug-exit; QEMU exits
 * with (status << 1) | 1, so a clean power-off is exit code 1. */
#define EXIT_STATUS_OK		0
#define EXIT_STATUS_FAIL	1	/* self-tests failed */
#define EXIT_STATUS_PANIC	0x7F	/* QEMU exit code 255 */

void __noreturn power_off(int status);
void debug_exit(int status);

#endif
