/* kernel/mm/shmem.c — the object behind a MAP_SHARED|MAP_ANONYMOUS area;
 * Linux mm/shmem.c (shmem_zero_setup) reduced to an array of frames.
 * Every mm that maps the area after fork reaches the same frames through
 * it, also for pages first touched after the fork (spec §3.3). The
 * object holds one reference on each frame it has; each mapping holds
 * its own. */
#include "mm.h"
#include "../lib/objstat.h"
#include "kmalloc.h"

struct shmem_object {
	int count;			/* areas using it */
	unsigned long npages;
	struct page **pages;
};

struct shmem_object *shmem_alloc(unsigned long npages)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj));

	if (obj && !(obj->pages = kzalloc(npages * sizeof(struct page *)))) {
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
