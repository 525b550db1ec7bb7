/* kernel/mm/filemap.c — address spaces (pagemap.h): finding, reading,
 * dirtying, writing back and dropping the pages of a file or of shared
 * memory. Linux mm/filemap.c (filemap_get_pages, read_cache_page),
 * mm/truncate.c (truncate_inode_pages, unmap_mapping_range),
 * mm/page-writeback.c and mm/vmscan.c reduced to what a teaching kernel
 * needs; ULK 15.1-15.3.
 *
 * An object's pages sit in an array by page index: files here are small,
 * and a lookup is one load. Pages of files on disk count as cache in
 * /dev/kstat (init's leak check does not count them as in use) and in
 * /proc/meminfo's Cached; when memory runs short, the allocator asks
 * shrink_page_cache for the clean ones nobody maps. */
#include "pagemap.h"
#include "mm.h"
#include "kmalloc.h"
#include "../fs/fs.h"
#include "../lib/jiffies.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../lib/trace.h"
#include <asm/errno.h>

static LIST_HEAD(dirty_mappings);	/* objects with dirty pages */
static LIST_HEAD(cache_mappings);	/* every object with a_ops */
static unsigned long cache_pages;	/* frames held by those */
static unsigned long dirty_pages;

/* is_cache — a file's pages on disk: frames the cache may drop again. */
static bool is_cache(const struct address_space *m)
{
	return m->a_ops != NULL;
}

struct address_space *mapping_alloc(struct inode *host,
				    const struct address_space_operations *ops,
				    unsigned long npages)
{
	struct address_space *m = kzalloc(sizeof(*m));

	if (m && npages && !(m->pages = kzalloc(npages * sizeof(struct page *)))) {
		kfree(m);
		m = NULL;
	}
	if (!m)
		return NULL;
	kobj_new(KOBJ_SHMEM);
	m->count = 1;
	m->npages = npages;
	m->host = host;
	m->a_ops = ops;
	INIT_LIST_HEAD(&m->i_mmap);
	INIT_LIST_HEAD(&m->dirty_link);
	if (ops)
		list_add_tail(&m->dirty_link, &cache_mappings);
	return m;
}

void mapping_get(struct address_space *m)
{
	m->count++;
}

/* mapping_bytes — the heap an object takes (the cache counts it). */
unsigned long mapping_bytes(struct address_space *m)
{
	return m ? ksize(m) + (m->pages ? ksize(m->pages) : 0) : 0;
}

/* drop_page — the object lets go of its frame at idx. */
static void drop_page(struct address_space *m, unsigned long idx)
{
	struct page *page = m->pages[idx];

	if (!page)
		return;
	if (page->flags & PG_dirty) {
		page->flags &= ~PG_dirty;
		m->dirty--;
		dirty_pages--;
	}
	m->pages[idx] = NULL;
	m->nrpages--;
	page->flags &= ~(PG_file | PG_shmem);
	if (is_cache(m)) {
		cache_pages--;
		kobj_cache(KOBJ_FRAME, -1);
	}
	put_page(page);
}

/* mapping_put — drop a reference; the last one frees every page. The
 * owner writes dirty pages back first when it wants them kept. */
void mapping_put(struct address_space *m)
{
	if (!m || --m->count > 0)
		return;
	for (unsigned long i = 0; i < m->npages; i++)
		drop_page(m, i);
	list_del(&m->dirty_link);
	kfree(m->pages);
	kobj_del(KOBJ_SHMEM);
	kfree(m);
}

unsigned long mapping_npages(struct address_space *m)
{
	return m->npages;
}

/* mapping_grow — room for npages (a file grew). */
int mapping_grow(struct address_space *m, unsigned long npages)
{
	struct page **pages;

	if (npages <= m->npages)
		return 0;
	pages = kzalloc(npages * sizeof(struct page *));
	if (!pages)
		return -ENOMEM;
	if (m->pages)
		memcpy(pages, m->pages, m->npages * sizeof(struct page *));
	kfree(m->pages);
	m->pages = pages;
	m->npages = npages;
	return 0;
}

/* unmap_mapping_range — every page at index >= idx leaves every address
 * space that maps the object, private copies included (Linux
 * unmap_mapping_range with even_cows, as truncate does): the next touch
 * there faults and finds no page, a SIGBUS. */
static void unmap_mapping_range(struct address_space *m, unsigned long idx)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &m->i_mmap, vm_shared) {
		unsigned long from = v->vm_start;

		if (idx > v->vm_pgoff)
			from += (idx - v->vm_pgoff) << PAGE_SHIFT;
		if (from < v->vm_end && from >= v->vm_start)
			zap_page_range(v->vm_mm, from, v->vm_end);
	}
}

/* mapping_shrink — the object ends at npages now (truncate): its pages
 * past the end are unmapped everywhere and dropped. */
void mapping_shrink(struct address_space *m, unsigned long npages)
{
	if (npages >= m->npages)
		return;
	unmap_mapping_range(m, npages);
	for (unsigned long i = npages; i < m->npages; i++)
		drop_page(m, i);
	m->npages = npages;	/* the array is kept: it only shrinks */
}

/* find_page — the frame at idx if the object has one, else NULL. */
struct page *find_page(struct address_space *m, unsigned long idx)
{
	return idx < m->npages ? m->pages[idx] : NULL;
}

/* add_page — page becomes the object's frame at idx. */
static void add_page(struct address_space *m, unsigned long idx,
		     struct page *page)
{
	page->flags = (page->flags & ~PG_dirty) | (is_cache(m) ? PG_file : PG_shmem);
	m->pages[idx] = page;
	m->nrpages++;
	if (is_cache(m)) {
		cache_pages++;
		kobj_cache(KOBJ_FRAME, 1);
	}
}

/* find_or_read_page — the frame at idx, with a reference for the
 * caller: the object's own, else a new one, read from the disk when read
 * is set and the object is a file (else zeroed). NULL with *err:
 * -ENOMEM, the disk's error, or -ENXIO for an index past the object's
 * end (a fault there is a SIGBUS). */
struct page *find_or_read_page(struct address_space *m, unsigned long idx,
			       bool read, int *err)
{
	struct page *page = find_page(m, idx);

	if (idx >= m->npages) {
		*err = -ENXIO;
		return NULL;
	}
	if (!page) {
		read = read && is_cache(m);
		page = read ? alloc_page() : alloc_zeroed_page();
		*err = page ? 0 : -ENOMEM;
		if (page && read)
			*err = m->a_ops->readpage(m->host, page, idx);
		if (*err) {
			if (page)
				put_page(page);
			return NULL;
		}
		if (read)
			trace(cache, "read page %lu of inode %u", idx,
			      m->host->i_ino);
		add_page(m, idx, page);
	}
	get_page(page);
	return page;
}

struct page *read_mapping_page(struct address_space *m, unsigned long idx,
			       int *err)
{
	return find_or_read_page(m, idx, true, err);
}

/* set_page_dirty — page (of m) is newer than the disk. */
void set_page_dirty(struct address_space *m, struct page *page)
{
	if (!is_cache(m) || (page->flags & PG_dirty))
		return;
	page->flags |= PG_dirty;
	dirty_pages++;
	if (!m->dirty++) {
		m->dirtied_when = get_jiffies_64();
		list_move_tail(&m->dirty_link, &dirty_mappings);
	}
}

/* page_mkclean — after a dirty page was written back, every shared
 * mapping of it loses write access again, so that the next store faults
 * and dirties it anew (Linux page_mkclean, through the i_mmap list). */
static void page_mkclean(struct address_space *m, unsigned long idx)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &m->i_mmap, vm_shared) {
		unsigned long va = v->vm_start + ((idx - v->vm_pgoff) << PAGE_SHIFT);
		pte_t *pte;

		if (!(v->vm_flags & VM_SHARED) || idx < v->vm_pgoff ||
		    va >= v->vm_end || unshare_pte_table(v->vm_mm->pgd, va))
			continue;
		pte = pte_lookup(v->vm_mm->pgd, va);
		if (pte && (*pte & PTE_P) && (*pte & PTE_W)) {
			set_pte(pte, *pte & ~PTE_W);
			flush_tlb_page(v->vm_mm->pgd, va);
		}
	}
}

/* filemap_write_back — every dirty page of m to its disk blocks. */
int filemap_write_back(struct address_space *m)
{
	int err = 0, r;

	for (unsigned long i = 0; m->dirty && i < m->npages; i++) {
		struct page *page = m->pages[i];

		if (!page || !(page->flags & PG_dirty))
			continue;
		r = m->a_ops->writepage(m->host, page, i);
		err = err ?: r;
		if (m->nr_shared)
			page_mkclean(m, i);
		page->flags &= ~PG_dirty;
		m->dirty--;
		dirty_pages--;
	}
	if (!m->dirty)
		list_move_tail(&m->dirty_link, &cache_mappings);
	return err;
}

/* write_back_mappings — the flusher's and sync's part: every dirty page
 * of every file into the block cache. */
int write_back_mappings(void)
{
	struct address_space *m, *next;
	int err = 0, r;

	list_for_each_entry_safe(m, next, &dirty_mappings, dirty_link) {
		r = filemap_write_back(m);
		err = err ?: r;
	}
	return err;
}

/* oldest_dirty_mapping — when the oldest dirty page was dirtied, or 0. */
u64 oldest_dirty_mapping(void)
{
	struct address_space *m;
	u64 oldest = 0;

	list_for_each_entry(m, &dirty_mappings, dirty_link)
		if (!oldest || m->dirtied_when < oldest)
			oldest = m->dirtied_when;
	return oldest;
}

unsigned long nr_dirty_pages(void)
{
	return dirty_pages;
}

unsigned long nr_cache_pages(void)
{
	return cache_pages;
}

/* shrink_mapping — drop m's clean pages that no one maps. */
static unsigned long shrink_mapping(struct address_space *m,
				    unsigned long want)
{
	unsigned long freed = 0;

	for (unsigned long i = 0; i < m->npages && freed < want; i++) {
		struct page *page = m->pages[i];

		if (page && !(page->flags & PG_dirty) &&
		    page_ref_count(page) == 1) {
			drop_page(m, i);
			freed++;
		}
	}
	return freed;
}

/* shrink_page_cache — memory is short (Linux's direct reclaim, without
 * an LRU): give back up to want clean, unmapped cache pages, from the
 * files on the clean list first. Returns how many. */
unsigned long shrink_page_cache(unsigned long want)
{
	struct address_space *m;
	unsigned long freed = 0;

	list_for_each_entry(m, &cache_mappings, dirty_link)
		if (freed < want)
			freed += shrink_mapping(m, want - freed);
	list_for_each_entry(m, &dirty_mappings, dirty_link)
		if (freed < want)
			freed += shrink_mapping(m, want - freed);
	if (freed)
		trace(cache, "reclaim: %lu clean pages given back", freed);
	return freed;
}
