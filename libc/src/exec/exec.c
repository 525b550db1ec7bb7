/* libc/src/exec/exec.c — execv, execvp (searching PATH), execl, execlp. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ARGS	64

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execvp — a name without '/' is looked for in each PATH directory;
 * the first error other than ENOENT is kept, as glibc does. */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH"), *p;
	char buf[PATH_MAX];
	int err = ENOENT;

	if (strchr(file, '/'))
		return execve(file, argv, environ);
	if (!path)
		path = "/bin:/usr/bin";
	for (p = path; ; p += strcspn(p, ":") + 1) {
		size_t len = strcspn(p, ":");

		if (len + strlen(file) + 2 <= sizeof(buf)) {
			memcpy(buf, p, len);
			buf[len] = '/';
			strcpy(buf + len + (len > 0), file);
			execve(buf, argv, environ);
			if (errno != ENOENT)
				err = errno;
		}
		if (!p[len])
			break;
	}
	errno = err;
	return -1;
}

static int collect(char **argv, const char *arg, va_list ap)
{
	int n = 0;

	argv[n++] = (char *)arg;
	while (arg && n < MAX_ARGS)
		argv[n++] = (char *)(arg = va_arg(ap, char *));
	if (arg) {
		errno = E2BIG;
		return -1;
	}
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[MAX_ARGS + 1];
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, ap);
	va_end(ap);
	return r ? r : execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[MAX_ARGS + 1];
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, ap);
	va_end(ap);
	return r ? r : execvp(file, argv);
}
