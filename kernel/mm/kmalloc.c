/* kernel/mm/kmalloc.c — kmalloc/kfree on power-of-two slabs; Linux
 * mm/slub.c reduced to its idea, ULK 8.2 "Memory Area Management".
 * Sizes 16..2048 come from per-class slabs: a slab is one frame cut into
 * equal objects, with its own free list in struct page (freelist, inuse),
 * so kfree finds everything through virt_to_page and both calls are O(1).
 * A class keeps its slabs with free objects on a "partial" list; a slab
 * that empties goes straight back to the frame allocator, so an idle
 * kernel holds no heap frames and leak checks can count frames.
 * Larger sizes take 2^order whole frames. Objects are aligned to their
 * size class (at least 16 bytes).
 * A freed object is filled with POISON_FREE (Linux slub_debug=P): code
 * that still uses it after kfree (a use after free) reads 0x6b6b6b6b
 * pointers and faults at once, where the bug is, instead of corrupting
 * whoever gets the memory next. */
#include "kmalloc.h"
#include "page.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../lib/spinlock.h"
#include "../lib/string.h"

#define NR_CLASSES	8	/* 16, 32, ..., 2048 */
#define POISON_FREE	0x6b	/* Linux include/linux/poison.h */

/* under heap_lock: */
static struct list_head partial[NR_CLASSES];
static unsigned long objs_in_use;
static DEFINE_SPINLOCK(heap_lock);

/* the bytes are counted in the object table (lib/objstat.c) */
unsigned long kmalloc_bytes_in_use(void)
{
	return kobj_counts[KOBJ_KMALLOC].created -
	       kobj_counts[KOBJ_KMALLOC].destroyed;
}

unsigned long kmalloc_objs_in_use(void)
{
	return objs_in_use;
}

void kmalloc_init(void)
{
	for (unsigned int c = 0; c < NR_CLASSES; c++)
		INIT_LIST_HEAD(&partial[c]);
}

static unsigned int size_class(size_t size)
{
	unsigned int c = 0;

	while ((size_t)(KMALLOC_MIN_SIZE << c) < size)
		c++;
	return c;
}

/* new_slab — a fresh frame for class c, threaded into a free list. */
static struct page *new_slab(unsigned int c)
{
	struct page *page = alloc_page();
	size_t size = KMALLOC_MIN_SIZE << c;
	char *base;

	if (!page)
		return NULL;
	base = page_address(page);
	for (size_t off = 0; off < PAGE_SIZE; off += size)
		*(void **)(base + off) =
			off + size < PAGE_SIZE ? base + off + size : NULL;
	page->flags |= PG_slab;
	page->private = c;
	kobj_cache(KOBJ_FRAME, 1);	/* the heap's own frame */
	page->inuse = 0;
	page->freelist = base;
	list_add(&page->lru, &partial[c]);
	return page;
}

static void *slab_alloc(unsigned int c)
{
	struct page *page;
	void *obj;

	if (list_empty(&partial[c]) && !new_slab(c))
		return NULL;
	page = list_first_entry(&partial[c], struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	if (!page->freelist)
		list_del(&page->lru);	/* full: off the partial list */
	kobj_add(KOBJ_KMALLOC, KMALLOC_MIN_SIZE << c);
	objs_in_use++;
	return obj;
}

static void *large_alloc(size_t size)
{
	unsigned int order = get_order(size);
	struct page *page = order < MAX_ORDER ? alloc_pages(order) : NULL;

	if (!page)
		return NULL;
	page->flags |= PG_large;
	page->private = order;
	kobj_cache(KOBJ_FRAME, 1L << order);
	kobj_add(KOBJ_KMALLOC, PAGE_SIZE << order);
	objs_in_use++;
	return page_address(page);
}

void *kmalloc(size_t size)
{
	void *p;
	u32 flags;

	if (!size || should_fail_alloc())
		return NULL;
	flags = spin_lock_irqsave(&heap_lock);
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		p = slab_alloc(size_class(size));
	else
		p = large_alloc(size);
	spin_unlock_irqrestore(&heap_lock, flags);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* kstrdup — a kmalloc'd copy of string s, or NULL. */
char *kstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = kmalloc(n);

	return d ? memcpy(d, s, n) : NULL;
}

static void slab_free(struct page *page, void *obj)
{
	unsigned int c = page->private;

	if (!page->freelist)
		list_add(&page->lru, &partial[c]);	/* was full */
	memset(obj, POISON_FREE, KMALLOC_MIN_SIZE << c);
	*(void **)obj = page->freelist;
	page->freelist = obj;
	kobj_sub(KOBJ_KMALLOC, KMALLOC_MIN_SIZE << c);
	objs_in_use--;
	if (--page->inuse == 0) {
		list_del(&page->lru);
		page->flags &= ~PG_slab;
		kobj_cache(KOBJ_FRAME, -1);
		put_page(page);
	}
}

static void large_free(struct page *page)
{
	kobj_sub(KOBJ_KMALLOC, PAGE_SIZE << page->private);
	objs_in_use--;
	page->flags &= ~PG_large;
	kobj_cache(KOBJ_FRAME, -(1L << page->private));
	__free_pages(page, page->private);
}

/* kfree_check — is p something kmalloc handed out? Else say why not. */
static const char *kfree_check(const void *p, struct page **pagep)
{
	struct page *page;

	if (!virt_addr_valid(p))
		return "not a direct-map address";
	page = *pagep = virt_to_page(p);
	if (page->flags & PG_large)
		return IS_ALIGNED((unsigned long)p, PAGE_SIZE) ? NULL :
		       "inside a large block";
	if (!(page->flags & PG_slab) || !page->inuse)
		return "not in use";
	if ((unsigned long)p % (KMALLOC_MIN_SIZE << page->private))
		return "inside an object";
	return NULL;
}

void kfree(const void *p)
{
	struct page *page = NULL;
	const char *bad;
	u32 flags;

	if (!p)
		return;
	flags = spin_lock_irqsave(&heap_lock);
	bad = kfree_check(p, &page);
	if (bad)
		printk("BUG: kfree(%p): %s\n", p, bad);
	else if (page->flags & PG_large)
		large_free(page);
	else
		slab_free(page, (void *)p);
	spin_unlock_irqrestore(&heap_lock, flags);
}

/* ksize — the usable size of an allocation (its class or block size). */
size_t ksize(const void *p)
{
	struct page *page = virt_to_page(p);

	if (page->flags & PG_large)
		return PAGE_SIZE << page->private;
	return KMALLOC_MIN_SIZE << page->private;
}
