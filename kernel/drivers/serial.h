/* kernel/drivers/serial.h — the COM1 UART (8250/16550). */
#ifndef CLONIX_SERIAL_H
#define CLONIX_SERIAL_H

#include "../lib/kernel.h"

void serial_init(void);
void serial_write(const char *s, size_t n);
void serial_set_rx_handler(void (*fn)(char c));

#endif
