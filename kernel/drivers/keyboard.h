/* kernel/drivers/keyboard.h — the PS/2 keyboard of the VGA console. */
#ifndef CLONIX_KEYBOARD_H
#define CLONIX_KEYBOARD_H

void keyboard_set_rx_handler(void (*fn)(char c));

#endif
