/* libc/src/exec/exec.c — the exec family over execve(2): execv, execvp
 * and execvpe (searching PATH), execl, execlp, execle. */
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

/* execvpe — a name without '/' is looked for in each PATH directory;
 * the first error other than ENOENT is kept, as glibc does. */
int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH"), *p;
	char buf[PATH_MAX];
	int err = ENOENT;

	if (strchr(file, '/'))
		return execve(file, argv, envp);
	if (!path)
		path = "/bin:/usr/bin";
	for (p = path; ; p += strcspn(p, ":") + 1) {
		size_t len = strcspn(p, ":");

		if (len + strlen(file) + 2 <= sizeof(buf)) {
			memcpy(buf, p, len);
			buf[len] = '/';
			strcpy(buf + len + (len > 0), file);
			execve(buf, argv, envp);
			if (errno != ENOENT)
				err = errno;
		}
		if (!p[len])
			break;
	}
	errno = err;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* collect — execl's list into argv; the argument after its NULL is
 * left in ap (execle's envp). */
static int collect(char **argv, const char *arg, va_list *ap)
{
	int n = 0;

	argv[n++] = (char *)arg;
	while (arg && n < MAX_ARGS)
		argv[n++] = (char *)(arg = va_arg(*ap, char *));
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
	r = collect(argv, arg, &ap);
	va_end(ap);
	return r ? r : execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[MAX_ARGS + 1];
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, &ap);
	va_end(ap);
	return r ? r : execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
	char *argv[MAX_ARGS + 1], **envp;
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, &ap);
	envp = va_arg(ap, char **);
	va_end(ap);
	return r ? r : execve(path, argv, envp);
}
