/* user/bin/ls.c — ls [-l] [-a] [path...], names sorted. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int opt_l, opt_a;

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void mode_string(unsigned mode, char *s)
{
	const char *rwx = "rwxrwxrwx";

	s[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISBLK(mode) ? 'b' :
	       S_ISFIFO(mode) ? 'p' : S_ISLNK(mode) ? 'l' : '-';
	for (int i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
}

static void show(const char *dir, const char *name)
{
	char path[4096], mode[11];
	struct stat st;

	if (!opt_l) {
		printf("%s\n", name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (stat(path, &st) < 0) {
		perror(path);
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %2u %4lu %4lu %8lld %s\n", mode, st.st_nlink, st.st_uid,
	       st.st_gid, st.st_size, name);
}

static int list(const char *path)
{
	struct stat st;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *d;

	if (stat(path, &st) < 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		show(".", path);
		return 0;
	}
	if (!(d = opendir(path))) {
		perror(path);
		return 1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' && !opt_a)
			continue;
		if (n == cap) {
			cap = cap * 2 + 16;
			if (!(names = realloc(names, cap * sizeof(char *))))
				return 1;
		}
		names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp);
	for (size_t i = 0; i < n; i++) {
		show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int c, status = 0;

	while ((c = getopt(argc, argv, "la")) != -1) {
		if (c == 'l')
			opt_l = 1;
		else if (c == 'a')
			opt_a = 1;
		else
			return 2;
	}
	if (optind == argc)
		return list(".");
	for (int i = optind; i < argc; i++) {
		if (argc - optind > 1)
			printf("%s:\n", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}
