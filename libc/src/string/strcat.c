/* libc/src/string/strcat.c — strcat(3). */
#include <string.h>

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
