/* stdlib.h — general utilities. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	2147483647

void *malloc(size_t size);
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
long random(void);
void srandom(unsigned int seed);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);
int abs(int x);
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));
void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
int mkstemp(char *template);
extern char *program_invocation_name, *program_invocation_short_name;
void _Exit(int status) __attribute__((noreturn));
int atexit(void (*fn)(void));
int on_exit(void (*fn)(int status, void *arg), void *arg);
int system(const char *command);
int rand(void);
int rand_r(unsigned int *seed);
void srand(unsigned int seed);
long labs(long x);
long long llabs(long long x);
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

#endif
