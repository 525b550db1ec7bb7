/* kernel/mm/page_alloc.c — the buddy frame allocator; Linux
 * mm/page_alloc.c, ULK 8.1.7 "The Buddy System Algorithm".
 * Free blocks of 2^order frames sit on free_area[order]; allocation takes
 * the smallest block that fits and splits it, freeing merges a block with
 * its buddy (pfn ^ 2^order) while the buddy is free and of equal order.
 * Both walk at most MAX_ORDER lists: O(1) per call. */
#include "page.h"
#include "../lib/objstat.h"
#include "../lib/panic.h"
#include "../lib/printk.h"
#include "../lib/spinlock.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include "kmalloc.h"
#include "pagemap.h"
#include "../task/sched.h"

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on the list */
};

/* under zone_lock: */
static struct free_area free_area[MAX_ORDER];
static unsigned long free_pages_count;
static unsigned long total_pages;
static unsigned long bad_pages;
static DEFINE_SPINLOCK(zone_lock);

unsigned long nr_free_pages(void)
{
	return free_pages_count;
}

unsigned long totalram_pages(void)
{
	return total_pages;
}

unsigned long nr_bad_pages(void)
{
	return bad_pages;
}

unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void add_to_free_area(struct page *page, unsigned int order)
{
	page->flags |= PG_buddy;
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

/* free_one_block — give 2^order frames back, merging with free buddies. */
static void free_one_block(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	free_pages_count += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (buddy_pfn >= max_pfn || !(buddy->flags & PG_buddy) ||
		    buddy->private != order)
			break;
		del_from_free_area(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

/* expand — split a block of order 'high' down to 'low', freeing halves. */
static void expand(struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_area(page + (1UL << high), high);
	}
}

/* should_fail_alloc — fault injection, Linux's /proc/<tid>/fail-nth:
 * a task that armed fail_nth = n (through /dev/fail-nth) sees its n-th
 * allocation from then on fail, so that tests can walk every ENOMEM path
 * of a system call (fork, clone, exec...) and check it leaks nothing. */
bool should_fail_alloc(void)
{
	if (!current || !current->fail_nth)
		return false;
	if (--current->fail_nth)
		return false;
	trace(mm, "fail-nth: failing an allocation of pid %d", current->pid);
	return true;
}

/* take_block — a free block of 2^order frames off the lists, or NULL. */
static struct page *take_block(unsigned int order)
{
	struct page *page = NULL;
	unsigned int o;
	u32 flags = spin_lock_irqsave(&zone_lock);

	for (o = order; o < MAX_ORDER; o++) {
		if (list_empty(&free_area[o].free_list))
			continue;
		page = list_first_entry(&free_area[o].free_list,
					struct page, lru);
		del_from_free_area(page, o);
		expand(page, order, o);
		page->_refcount = 1;
		free_pages_count -= 1UL << order;
		kobj_add(KOBJ_FRAME, 1UL << order);
		break;
	}
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

/* alloc_pages — 2^order frames; when none is free, the page cache gives
 * back clean pages first (Linux's direct reclaim), then one more try. */
struct page *alloc_pages(unsigned int order)
{
	struct page *page;

	if (should_fail_alloc())
		return NULL;
	page = take_block(order);
	if (!page && shrink_page_cache(order ? ~0UL : 32))
		page = take_block(order);
	if (!page)
		trace(mm, "alloc_pages: no free block of order %u", order);
	return page;
}

struct page *alloc_page(void)
{
	return alloc_pages(0);
}

struct page *alloc_zeroed_page(void)
{
	struct page *page = alloc_page();

	if (page)
		memset(page_address(page), 0, PAGE_SIZE);
	return page;
}

/* bad_page — a free of something that is not an allocated frame. Linux
 * reports "Bad page state" and carries on; so do we, leaving the frame
 * where it is, so that one bug cannot corrupt the free lists. */
static void bad_page(struct page *page, const char *why)
{
	bad_pages++;
	printk("BUG: Bad page state: pfn %lx flags %x refcount %d: %s\n",
	       page_to_pfn(page), page->flags, page->_refcount, why);
}

/* __free_pages — drop one reference; the last one frees the block. */
void __free_pages(struct page *page, unsigned int order)
{
	u32 flags = spin_lock_irqsave(&zone_lock);

	if (page->flags & (PG_buddy | PG_reserved) || page->_refcount <= 0)
		bad_page(page, page->flags & PG_reserved ? "reserved frame" :
			       "double free");
	else if (--page->_refcount == 0) {
		free_one_block(page, order);
		kobj_sub(KOBJ_FRAME, 1UL << order);
	}
	spin_unlock_irqrestore(&zone_lock, flags);
}

void put_page(struct page *page)
{
	__free_pages(page, 0);
}

void page_alloc_init(void)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);
}

/* free_boot_range — hand RAM [start, end) to the allocator at boot, in the
 * largest aligned blocks that fit, so no merging is needed. */
void free_boot_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;

		while ((pfn & ((1UL << order) - 1)) ||
		       pfn + (1UL << order) > end_pfn)
			order--;
		for (unsigned long i = 0; i < (1UL << order); i++) {
			pfn_to_page(pfn + i)->flags &= ~PG_reserved;
			pfn_to_page(pfn + i)->_refcount = 0;
		}
		free_one_block(pfn_to_page(pfn), order);
		total_pages += 1UL << order;
		pfn += 1UL << order;
	}
}

/* show_mem — the frame and heap counters, on request (^P) and in tests;
 * Linux mm/show_mem.c. Free blocks are listed per order like
 * /proc/buddyinfo. */
void show_mem(void)
{
	u32 flags = spin_lock_irqsave(&zone_lock);

	printk("Mem-Info: free frames %lu of %lu, heap %lu bytes in %lu "
	       "blocks, bad frees %lu\nbuddyinfo:", free_pages_count,
	       total_pages, kmalloc_bytes_in_use(), kmalloc_objs_in_use(),
	       bad_pages);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		printk(" %lu", free_area[o].nr_free);
	printk("\n");
	spin_unlock_irqrestore(&zone_lock, flags);
}
