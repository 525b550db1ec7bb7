/* kernel/drivers/tty.h — the console terminal. */
#ifndef CLONIX_TTY_H
#define CLONIX_TTY_H

#include "../fs/fs.h"

extern const struct file_operations tty_fops;

void tty_init(void);
void tty_receive_char(char c);

struct signal_struct;
u16 tty_old_encode_dev(struct signal_struct *sig);
int tty_foreground(struct signal_struct *sig);

#endif
