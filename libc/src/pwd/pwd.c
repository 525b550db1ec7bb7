/* libc/src/pwd/pwd.c — getpwnam, getpwuid, getgrnam, getgrgid and the
 * fget*ent readers: a line of /etc/passwd or /etc/group at a time, cut
 * at ':' in a static buffer; a line with another number of fields is
 * skipped. */
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#define LINE	512
#define MAXMEM	32

/* split — cut line at ':' into exactly n fields; 0 if it has not n. */
static int split(char *line, char **field, int n)
{
	int i = 0;

	line[strcspn(line, "\n")] = '\0';
	for (;;) {
		field[i++] = line;
		line = strchr(line, ':');
		if (!line || i == n)
			break;
		*line++ = '\0';
	}
	return i == n && !line;
}

struct passwd *fgetpwent(FILE *f)
{
	static char line[LINE];
	static struct passwd pw;
	char *fd[7];

	while (fgets(line, sizeof(line), f))
		if (split(line, fd, 7)) {
			pw = (struct passwd){ fd[0], fd[1],
					      strtoul(fd[2], NULL, 10),
					      strtoul(fd[3], NULL, 10), fd[4],
					      fd[5], fd[6] };
			return &pw;
		}
	return NULL;
}

struct group *fgetgrent(FILE *f)
{
	static char line[LINE];
	static char *mem[MAXMEM + 1];
	static struct group gr;
	char *fd[4], *save;
	int n = 0;

	while (fgets(line, sizeof(line), f)) {
		if (!split(line, fd, 4))
			continue;
		for (char *m = strtok_r(fd[3], ",", &save); m && n < MAXMEM;
		     m = strtok_r(NULL, ",", &save))
			mem[n++] = m;
		mem[n] = NULL;
		gr = (struct group){ fd[0], fd[1], strtoul(fd[2], NULL, 10),
				     mem };
		return &gr;
	}
	return NULL;
}

/* find_pw — the first entry of /etc/passwd that name (or uid) names. */
static struct passwd *find_pw(const char *name, uid_t uid)
{
	FILE *f = fopen("/etc/passwd", "r");
	struct passwd *pw = NULL;

	while (f && (pw = fgetpwent(f)) &&
	       (name ? strcmp(pw->pw_name, name) != 0 : pw->pw_uid != uid))
		;
	if (f)
		fclose(f);
	return pw;
}

static struct group *find_gr(const char *name, gid_t gid)
{
	FILE *f = fopen("/etc/group", "r");
	struct group *gr = NULL;

	while (f && (gr = fgetgrent(f)) &&
	       (name ? strcmp(gr->gr_name, name) != 0 : gr->gr_gid != gid))
		;
	if (f)
		fclose(f);
	return gr;
}

struct passwd *getpwnam(const char *name)
{
	return find_pw(name, 0);
}

struct passwd *getpwuid(uid_t uid)
{
	return find_pw(NULL, uid);
}

struct group *getgrnam(const char *name)
{
	return find_gr(name, 0);
}

struct group *getgrgid(gid_t gid)
{
	return find_gr(NULL, gid);
}
