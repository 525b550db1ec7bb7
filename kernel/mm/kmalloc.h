/* kernel/mm/kmalloc.h — the kernel heap. */
#ifndef CLONIX_KMALLOC_H
#define CLONIX_KMALLOC_H

#include "../lib/kernel.h"

#define KMALLOC_MIN_SIZE	16
#define KMALLOC_MAX_CACHE_SIZE	2048	/* larger requests take whole pages */

void kmalloc_init(void);
void *kmalloc(size_t size);
void *kzalloc(size_t size);
char *kstrdup(const char *s);
void kfree(const void *p);
size_t ksize(const void *p);
unsigned long kmalloc_bytes_in_use(void);
unsigned long kmalloc_objs_in_use(void);

#endif
