/* kernel/fs/generic_file.c — read(2), write(2), exec's read and acct's
 * append for a file whose bytes live in its page cache (ext2's regular
 * files). Linux mm/filemap.c (filemap_read, generic_perform_write) and
 * mm/truncate.c (truncate_setsize); ULK 16.1 "Reading and Writing a
 * File". Every byte goes through a page of the cache, the same page a
 * mapping of the file maps: read, write and mmap always agree. The file
 * system is asked only to fill a page, to write one back, and to give
 * bytes their blocks before they are written (pagemap.h). */
#include "fs.h"
#include "../lib/string.h"
#include "../mm/page.h"
#include "../mm/pagemap.h"
#include "../mm/uaccess.h"
#include <asm/errno.h>

/* The largest file: sizes are 32 bits here (no large_file feature), and
 * Linux's limit for files opened without O_LARGEFILE is the same. */
#define MAX_FILE_SIZE	0x7fffffffLL

static unsigned long pages_for(loff_t size)
{
	return (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

/* copy_out — up to count bytes from pos (not past the end) to a user or
 * kernel buffer; the bytes copied, or the first error. */
static long copy_out(struct address_space *m, char *buf, u32 count,
		     u32 pos, bool kernel)
{
	u32 done = 0, size = m->host->i_size;
	int err = 0;

	count = pos >= size ? 0 : MIN(count, size - pos);
	while (done < count) {
		u32 at = pos + done, off = at & ~PAGE_MASK;
		u32 n = MIN(count - done, (u32)PAGE_SIZE - off), left = 0;
		struct page *page = read_mapping_page(m, at >> PAGE_SHIFT, &err);

		if (!page)
			break;
		if (kernel)
			memcpy(buf + done, (char *)page_address(page) + off, n);
		else
			left = copy_to_user(buf + done,
					    (char *)page_address(page) + off, n);
		put_page(page);
		done += n - left;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	return done ? (long)done : err;
}

long generic_file_read(struct address_space *m, char *ubuf, u32 count,
		       loff_t *pos)
{
	long r = copy_out(m, ubuf, count, *pos, false);

	if (r > 0)
		*pos += r;
	return r;
}

long generic_kernel_read(struct address_space *m, u32 pos, void *buf, u32 n)
{
	return copy_out(m, buf, n, pos, true);
}

/* write_page — up to n bytes at 'at', all within one page: the page
 * (read first unless it is all overwritten), the bytes' blocks (fewer
 * bytes when the disk fills up), the copy. The bytes written, or -errno. */
static long write_page(struct address_space *m, const char *buf, u32 at,
		       u32 n, bool kernel)
{
	int err;
	struct page *page = find_or_read_page(m, at >> PAGE_SHIFT,
					      n < PAGE_SIZE, &err);
	long got;
	char *dst;
	u32 left = 0;

	if (!page)
		return err;
	got = m->a_ops->prepare_write(m->host, at, n);
	dst = (char *)page_address(page) + (at & ~PAGE_MASK);
	if (got > 0 && kernel)
		memcpy(dst, buf, got);
	else if (got > 0)
		left = copy_from_user(dst, buf, got);
	if (got > 0 && (long)left < got)
		set_page_dirty(m, page);
	put_page(page);
	if (got <= 0)
		return got ? got : -EIO;
	return (long)left == got ? -EFAULT : got - (long)left;
}

/* generic_file_write — page by page. A write that fails (a bad buffer,
 * a full disk) after blocks were given past the size gives them back
 * (Linux ext2_write_failed), so no block lies beyond i_size. */
long generic_file_write(struct address_space *m, const char *buf, u32 count,
			loff_t *pos, bool kernel)
{
	struct inode *inode = m->host;
	u32 done = 0;
	long r = 0;

	if (*pos >= MAX_FILE_SIZE)
		return -EFBIG;
	count = MIN((loff_t)count, MAX_FILE_SIZE - *pos);
	if (mapping_grow(m, pages_for(*pos + count)))
		return -ENOMEM;
	while (done < count) {
		u32 at = *pos + done;
		u32 n = MIN(count - done, (u32)PAGE_SIZE - (at & ~PAGE_MASK));

		r = write_page(m, buf + done, at, n, kernel);
		if (r < 0)
			break;
		done += r;
		if ((u32)r < n)
			break;
	}
	*pos += done;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	if (r < 0 || done < count)
		inode->i_fop->truncate(inode, inode->i_size);
	if (done) {
		inode->i_mtime = inode->i_ctime = current_time();
		mark_inode_dirty(inode);
	}
	return done ? (long)done : r;
}

/* generic_truncate — the cache's side of a new size: pages past it are
 * unmapped everywhere and dropped; the tail of a last partial page reads
 * as zeros (and is written so), should the file grow again. */
int generic_truncate(struct address_space *m, u32 size)
{
	struct page *last;

	if (pages_for(size) > m->npages)
		return mapping_grow(m, pages_for(size));
	mapping_shrink(m, pages_for(size));
	if ((size & ~PAGE_MASK) && (last = find_page(m, size >> PAGE_SHIFT))) {
		memset((char *)page_address(last) + (size & ~PAGE_MASK), 0,
		       PAGE_SIZE - (size & ~PAGE_MASK));
		set_page_dirty(m, last);
	}
	return 0;
}
