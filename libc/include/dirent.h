/* dirent.h — reading directories (getdents64 records, as musl). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <asm/stat.h>

struct dirent {
	ino_t d_ino;
	off64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);

#endif
