/* stdio.h — buffered streams (C11 7.21 and POSIX), locked per stream. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF	(-1)
#define BUFSIZ	8192
#define _IOFBF	0
#define _IOLBF	1
#define _IONBF	2
#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef struct _FILE FILE;

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int sprintf(char *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fputs(const char *s, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int puts(const char *s);
int fputc(int c, FILE *f);
int putchar(int c);
int fflush(FILE *f);
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
int fileno(FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
void clearerr(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void perror(const char *s);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *s, int n, FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
int rename(const char *old, const char *new);
int remove(const char *path);
int putc(int c, FILE *f);
int ungetc(int c, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
void setbuf(FILE *f, char *buf);
int dprintf(int fd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vdprintf(int fd, const char *fmt, va_list ap);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
void flockfile(FILE *f);
int ftrylockfile(FILE *f);
void funlockfile(FILE *f);
int getc_unlocked(FILE *f);
int putc_unlocked(int c, FILE *f);

#endif
