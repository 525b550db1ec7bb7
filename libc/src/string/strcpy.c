/* libc/src/string/strcpy.c — strcpy(3). */
#include <string.h>

char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}
