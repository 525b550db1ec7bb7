/* libgen.h — POSIX basename and dirname (which may change their
 * argument; glibc's <string.h> basename, which does not, is GNU's). */
#ifndef _LIBGEN_H
#define _LIBGEN_H

char *basename(char *path);
char *dirname(char *path);

#endif
