/* asm/termios.h — the terminal interface on i386 Linux: struct termios
 * as the kernel's TCGETS/TCSETS see it, the flag bits and the ioctls. */
#ifndef _ASM_TERMIOS_H
#define _ASM_TERMIOS_H

#define NCCS 19

typedef unsigned char cc_t;
typedef unsigned int tcflag_t;

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6

#define ICRNL	0000400
#define OPOST	0000001
#define ONLCR	0000004
#define CS8	0000060
#define CREAD	0000200
#define B38400	0000017
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define TOSTOP	0000400

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define TCSBRK		0x5409
#define TCFLSH		0x540B
#define TIOCOUTQ	0x5411
#define TIOCGSID	0x5429
#define TCSBRKP		0x5425
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

/* the ioctls every file answers (Linux do_vfs_ioctl) */
#define FIONREAD	0x541B	/* bytes that a read would return now */
#define TIOCINQ		FIONREAD
#define FIONBIO		0x5421	/* set or clear O_NONBLOCK */
#define FIONCLEX	0x5450	/* clear close-on-exec */
#define FIOCLEX		0x5451	/* set close-on-exec */
#define FIOQSIZE	0x5460	/* a file's, a directory's size (loff_t) */

#endif
