/* termios.h — terminal attributes. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <asm/termios.h>

#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);

#endif
