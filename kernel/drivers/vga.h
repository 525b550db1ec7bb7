/* kernel/drivers/vga.h — the VGA text console. */
#ifndef CLONIX_VGA_H
#define CLONIX_VGA_H

#include "../lib/kernel.h"

void vga_init(void);
void vga_write(const char *s, size_t n);

#endif
