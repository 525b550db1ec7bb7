/* libc/src/errno/errno.c — errno (one per process until threads give it TLS). */
int errno;
