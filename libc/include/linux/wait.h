/* linux/wait.h — wait() option bits (Linux include/uapi/linux/wait.h). */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* don't reap, just poll status */

#define __WNOTHREAD	0x20000000	/* only the caller's own children */
#define __WALL		0x40000000	/* any child, whatever its signal */
#define __WCLONE	0x80000000	/* only "clone" children */

#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define P_PIDFD		3

#endif
