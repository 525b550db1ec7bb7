/* grp.h — the group database, /etc/group (name:passwd:gid:members, the
 * members separated by commas). Results live in static buffers. */
#ifndef _GRP_H
#define _GRP_H

#include <stdio.h>
#include <sys/types.h>

struct group {
	char *gr_name, *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;			/* NULL-terminated */
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
struct group *fgetgrent(FILE *f);

#endif
