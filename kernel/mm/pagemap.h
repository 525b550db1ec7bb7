/* kernel/mm/pagemap.h — struct address_space: the pages of one object,
 * by page index. Linux include/linux/fs.h (struct address_space) and
 * include/linux/pagemap.h; ULK 15.1 "The Page Cache".
 *
 * Three kinds of object have one:
 * - a regular file on disk (ext2): the page cache. read, write, exec and
 *   every mapping of the file reach its bytes through these pages, so
 *   they all see the same data; a page is read from the disk on the
 *   first need (a_ops->readpage) and written back when dirty
 *   (a_ops->writepage, by the flusher, fsync, sync);
 * - a tmpfs file: the pages are the file, there is no disk behind;
 * - a MAP_SHARED|MAP_ANONYMOUS area: the frames every sharer maps.
 * The last two have no a_ops: a page is a zeroed frame on first touch.
 *
 * The object holds one reference on each of its frames; each PTE that
 * maps one holds its own. Every area that maps the object is on its
 * i_mmap list (Linux's reverse map, reduced to a list), so that
 * truncation can take the pages past the new end out of every address
 * space that maps them: the next touch there is a SIGBUS. */
#ifndef CLONIX_PAGEMAP_H
#define CLONIX_PAGEMAP_H

#include "../lib/kernel.h"
#include "../lib/list.h"

struct inode;
struct page;

struct address_space_operations {
	/* fill page (index idx) from the disk, zeros past the end; 0 or
	 * -errno */
	int (*readpage)(struct inode *host, struct page *page, unsigned long idx);
	/* the page's bytes within the file's size to its disk blocks */
	int (*writepage)(struct inode *host, struct page *page, unsigned long idx);
	/* bytes [pos, pos+len) are about to be written (by write, or by a
	 * shared mapping): give them disk blocks now, so that a full disk
	 * is write's ENOSPC or the store's SIGBUS, not data lost later
	 * (ULK 16.1.3 "prepare_write"). Returns how many bytes from pos
	 * have their blocks (fewer when the disk filled up), or -errno. */
	long (*prepare_write)(struct inode *host, u32 pos, u32 len);
};

struct address_space {
	int count;			/* the owner, and each area mapping it */
	unsigned long npages;		/* slots in pages[] */
	struct page **pages;
	unsigned long nrpages;		/* frames held */
	struct inode *host;		/* the file it caches, or NULL */
	const struct address_space_operations *a_ops;	/* NULL: memory */
	struct list_head i_mmap;	/* areas mapping it (vm_shared) */
	int nr_shared;			/* of those, MAP_SHARED ones */
	struct list_head dirty_link;	/* on the flusher's list when dirty */
	unsigned long dirty;		/* dirty pages */
	u64 dirtied_when;		/* jiffies of the first dirty page */
};

struct address_space *mapping_alloc(struct inode *host,
				    const struct address_space_operations *ops,
				    unsigned long npages);
void mapping_get(struct address_space *m);
void mapping_put(struct address_space *m);
unsigned long mapping_npages(struct address_space *m);
int mapping_grow(struct address_space *m, unsigned long npages);
void mapping_shrink(struct address_space *m, unsigned long npages);
struct page *find_page(struct address_space *m, unsigned long idx);
struct page *find_or_read_page(struct address_space *m, unsigned long idx,
			       bool read, int *err);
struct page *read_mapping_page(struct address_space *m, unsigned long idx,
			       int *err);
void set_page_dirty(struct address_space *m, struct page *page);
int filemap_write_back(struct address_space *m);
int write_back_mappings(void);
u64 oldest_dirty_mapping(void);
unsigned long nr_dirty_pages(void);
unsigned long nr_cache_pages(void);
unsigned long shrink_page_cache(unsigned long want);
unsigned long mapping_bytes(struct address_space *m);

#endif
