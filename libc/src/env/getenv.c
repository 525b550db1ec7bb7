/* libc/src/env/getenv.c — getenv, setenv, putenv, unsetenv on environ.
 * setenv and putenv build a new array when it must grow (the old one may
 * be the stack's). putenv puts the caller's own string in: changing it
 * later changes the environment (putenv(3)). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned;	/* the array setenv allocated, if any */

static int find(const char *name, size_t len)
{
	for (int i = 0; environ && environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			return i;
	return -1;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);

	return i < 0 ? NULL : environ[i] + len + 1;
}

static int valid(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

/* put — entry replaces slot i, or is added at the end */
static int put(char *entry, int i)
{
	size_t n = 0;
	char **env;

	if (i >= 0) {
		environ[i] = entry;
		return 0;
	}
	while (environ && environ[n])
		n++;
	env = malloc((n + 2) * sizeof(char *));
	if (!env)
		return -1;
	memcpy(env, environ, n * sizeof(char *));
	env[n] = entry;
	env[n + 1] = NULL;
	free(owned);
	environ = owned = env;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len = strlen(name);
	char *entry;
	int i;

	if (!valid(name))
		return -1;
	i = find(name, len);
	if (i >= 0 && !overwrite)
		return 0;
	entry = malloc(len + strlen(value) + 2);
	if (!entry)
		return -1;
	strcpy(entry, name);
	entry[len] = '=';
	strcpy(entry + len + 1, value);
	return put(entry, i);
}

/* putenv — "NAME=value" goes in as it is; a string without '=' removes
 * NAME, as glibc does. */
int putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (!eq)
		return unsetenv(string);
	if (eq == string) {
		errno = EINVAL;
		return -1;
	}
	return put(string, find(string, eq - string));
}

int unsetenv(const char *name)
{
	int i;

	if (!valid(name))
		return -1;
	while ((i = find(name, strlen(name))) >= 0)
		for (; environ[i]; i++)
			environ[i] = environ[i + 1];
	return 0;
}
