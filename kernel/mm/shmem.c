/* kernel/mm/shmem.c — the object behind a MAP_SHARED|MAP_ANONYMOUS area
 * and behind each tmpfs file (kernel/fs/tmpfs/); Linux mm/shmem.c reduced
 * to an array of frames.
 * Every mm that maps the area after fork reaches the same frames through
 * it, also for pages first touched after the fork (spec §3.3). The
 * object holds one reference on each frame it has; each mapping holds
 * its own. */
#include "mm.h"
#include "../lib/objstat.h"
#include "kmalloc.h"
#include "../lib/string.h"
#include <asm/errno.h>

struct shmem_object {
	int count;			/* areas using it */
	unsigned long npages;
	struct page **pages;
};

struct shmem_object *shmem_alloc(unsigned long npages)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj));

	if (obj && npages &&
	    !(obj->pages = kzalloc(npages * sizeof(struct page *)))) {
		kfree(obj);
		obj = NULL;
	}
	if (obj) {
		kobj_new(KOBJ_SHMEM);
		obj->count = 1;
		obj->npages = npages;
	}
	return obj;
}

void shmem_get(struct shmem_object *obj)
{
	obj->count++;
}

void shmem_put(struct shmem_object *obj)
{
	if (!obj || --obj->count > 0)
		return;
	for (unsigned long i = 0; i < obj->npages; i++)
		if (obj->pages[i])
			put_page(obj->pages[i]);
	kfree(obj->pages);
	kobj_del(KOBJ_SHMEM);
	kfree(obj);
}

/* shmem_page — the frame at page index idx, allocated (zeroed) on the
 * first touch by any sharer; NULL when memory runs out. */
struct page *shmem_page(struct shmem_object *obj, unsigned long idx)
{
	if (idx >= obj->npages)
		return NULL;
	if (!obj->pages[idx])
		obj->pages[idx] = alloc_zeroed_page();
	return obj->pages[idx];
}

/* shmem_find_page — the frame at idx if it has one (a hole reads as
 * zeros without costing a frame), else NULL. */
struct page *shmem_find_page(struct shmem_object *obj, unsigned long idx)
{
	return idx < obj->npages ? obj->pages[idx] : NULL;
}

unsigned long shmem_npages(struct shmem_object *obj)
{
	return obj->npages;
}

/* shmem_resize — a tmpfs file grows or shrinks to npages. Shrinking
 * gives back the object's frames past the end; a mapping that still has
 * one keeps it until it is unmapped (the mapping's own reference). */
int shmem_resize(struct shmem_object *obj, unsigned long npages)
{
	struct page **pages;

	if (npages < obj->npages) {
		for (unsigned long i = npages; i < obj->npages; i++)
			if (obj->pages[i])
				put_page(obj->pages[i]);
		obj->npages = npages;	/* the array is kept: it only shrinks */
		return 0;
	}
	if (npages == obj->npages)
		return 0;
	pages = kzalloc(npages * sizeof(struct page *));
	if (!pages)
		return -ENOMEM;
	memcpy(pages, obj->pages, obj->npages * sizeof(struct page *));
	kfree(obj->pages);
	obj->pages = pages;
	obj->npages = npages;
	return 0;
}
