/* kernel/net/socket.c — the socket calls of a kernel with no networking;
 * Linux net/socket.c. clonix has no address family at all, so socket(2)
 * and socketpair(2) answer EAFNOSUPPORT (after Linux's own argument
 * checks), as a Linux kernel does for a family it was built without; no
 * descriptor can be a socket, so every call on one is EBADF or ENOTSOCK.
 * Programs ask quietly and go on: glibc's getpwnam, for one, first tries
 * the nscd daemon's socket. */
#include "../fs/fdtable.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define SOCK_TYPE_MASK	0xf
#define SOCK_MAX	11	/* SOCK_PACKET + 1 */
#define SOCK_NONBLOCK	04000
#define SOCK_CLOEXEC	02000000
#define NPROTO		46	/* AF_MAX */

long sys_socket(int family, int type, int protocol __unused)
{
	if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if ((type & SOCK_TYPE_MASK) >= SOCK_MAX)
		return -EINVAL;
	return -EAFNOSUPPORT;
}

long sys_socketpair(int family, int type, int protocol, int *usv __unused)
{
	return sys_socket(family, type, protocol);
}

/* sys_socket_fd_call — bind, connect, listen ... on descriptor fd. */
long sys_socket_fd_call(int fd)
{
	return fd_is_open(fd) ? -ENOTSOCK : -EBADF;
}

/* sys_socketcall — i386's one entry for them all (call 1..20), the
 * arguments in an array in user memory. */
long sys_socketcall(int call, const u32 *uargs)
{
	static const u8 nargs[21] = { 0, 3, 3, 3, 2, 3, 3, 3, 4, 4, 4, 6, 6,
				      2, 5, 5, 3, 3, 4, 5, 4 };
	u32 a[6];

	if (call < 1 || call > 20)
		return -EINVAL;
	if (copy_from_user(a, uargs, nargs[call] * sizeof(u32)))
		return -EFAULT;
	switch (call) {
	case 1:		/* SYS_SOCKET */
		return sys_socket(a[0], a[1], a[2]);
	case 8:		/* SYS_SOCKETPAIR */
		return sys_socketpair(a[0], a[1], a[2], (int *)a[3]);
	}
	return sys_socket_fd_call(a[0]);
}
