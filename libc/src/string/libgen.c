/* libc/src/string/libgen.c — POSIX basename(3) and dirname(3):
 * trailing slashes do not count, "" and NULL give ".", "/" gives "/". */
#include <libgen.h>
#include <string.h>

char *basename(char *path)
{
	static char dot[] = ".";
	size_t n;

	if (!path || !*path)
		return dot;
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (n == 1 && path[0] == '/')
		return path;
	return strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
}

char *dirname(char *path)
{
	static char dot[] = ".";
	size_t n;

	if (!path || !*path)
		return dot;
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')	/* trailing slashes */
		n--;
	while (n > 0 && path[n - 1] != '/')	/* the last name */
		n--;
	if (n == 0)
		return dot;
	while (n > 1 && path[n - 1] == '/')	/* the slashes before it */
		n--;
	path[n] = '\0';
	return path;
}
