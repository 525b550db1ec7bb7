/* libc/src/unistd/link.c — link(2) and linkat(2). */
#include <unistd.h>
#include "../internal.h"

int link(const char *oldpath, const char *newpath)
{
	return __SC(2, __NR_link, (long)oldpath, (long)newpath);
}

int linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath,
	   int flags)
{
	return __SC(5, __NR_linkat, olddfd, (long)oldpath, newdfd,
		    (long)newpath, flags);
}
