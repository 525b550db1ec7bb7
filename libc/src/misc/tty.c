/* libc/src/misc/tty.c — isatty, tcgetattr, tcsetattr through the
 * TCGETS/TCSETS ioctls. */
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
