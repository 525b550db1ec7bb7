/* pwd.h — the user database, /etc/passwd (name:passwd:uid:gid:gecos:
 * dir:shell). Results live in static buffers, as POSIX allows. */
#ifndef _PWD_H
#define _PWD_H

#include <stdio.h>
#include <sys/types.h>

struct passwd {
	char *pw_name, *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos, *pw_dir, *pw_shell;
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
struct passwd *fgetpwent(FILE *f);

#endif
