/* kernel/lib/string.h — the kernel's own mem* and str* (Linux lib/string.c). */
#ifndef CLONIX_STRING_H
#define CLONIX_STRING_H

#include "kernel.h"

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);
void for_each_item(const char *list, void (*fn)(const char *item, size_t n));

#endif
