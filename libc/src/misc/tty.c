/* libc/src/misc/tty.c — isatty, tcgetattr, tcsetattr, tcgetpgrp and
 * tcsetpgrp through the TCGETS/TCSETS and TIOCGPGRP/TIOCSPGRP ioctls. */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	return ioctl(fd, TCSETS + action, t);
}

int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}
