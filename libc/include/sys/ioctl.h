/* sys/ioctl.h — ioctl(2) and the terminal requests. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/termios.h>

int ioctl(int fd, unsigned long req, ...);

#endif
