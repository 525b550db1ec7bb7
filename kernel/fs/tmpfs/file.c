/* kernel/fs/tmpfs/file.c — a tmpfs file's data: read, write, truncate,
 * exec's kread, and mmap, all on the file's shmem object (Linux
 * mm/shmem.c: shmem_file_read_iter, shmem_write_begin, shmem_setattr,
 * shmem_mmap). A hole reads as zeros and costs no frame. */
#include "tmpfs.h"
#include "../../lib/string.h"
#include "../../mm/page.h"
#include "../../mm/uaccess.h"
#include <asm/errno.h>

#define TMPFS_MAX_SIZE	0x7fffffffu	/* what ext2 allows here too */

static struct address_space *object_of(struct inode *inode)
{
	return inode->i_private;
}

/* ensure_pages — the object covers npages (made on the first need). */
static int ensure_pages(struct inode *inode, unsigned long npages)
{
	if (!inode->i_private &&
	    !(inode->i_private = mapping_alloc(NULL, NULL, 0)))
		return -ENOMEM;
	return mapping_grow(object_of(inode), npages);
}

static void account(struct inode *inode)
{
	struct address_space *obj = object_of(inode);
	u32 frames = 0;

	for (unsigned long i = 0; obj && i < mapping_npages(obj); i++)
		frames += find_page(obj, i) != NULL;
	inode->i_blocks = frames * (PAGE_SIZE / 512);
}

static long tmpfs_read(struct file *f, char *ubuf, u32 count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	u32 done = 0;

	if (*pos >= inode->i_size)
		return 0;
	count = MIN(count, (u32)(inode->i_size - *pos));
	while (done < count) {
		u32 at = *pos + done, off = at & ~PAGE_MASK;
		u32 n = MIN(count - done, (u32)PAGE_SIZE - off);
		struct page *page = object_of(inode) ?
			find_page(object_of(inode), at >> PAGE_SHIFT) : NULL;
		unsigned long left = page ?
			copy_to_user(ubuf + done, (char *)page_address(page) + off, n) :
			clear_user(ubuf + done, n);

		done += n - left;
		if (left)
			break;
	}
	*pos += done;
	return done ? (long)done : -EFAULT;
}

static long tmpfs_write(struct file *f, const char *ubuf, u32 count,
			loff_t *pos)
{
	struct inode *inode = f->f_inode;
	u32 done = 0;
	int err;

	if (*pos >= TMPFS_MAX_SIZE)
		return -EFBIG;
	count = MIN(count, (u32)(TMPFS_MAX_SIZE - *pos));
	err = ensure_pages(inode, (*pos + count + PAGE_SIZE - 1) >> PAGE_SHIFT);
	if (err)
		return err;
	while (done < count) {
		u32 at = *pos + done, off = at & ~PAGE_MASK;
		u32 n = MIN(count - done, (u32)PAGE_SIZE - off), left;
		struct page *page = read_mapping_page(object_of(inode),
						      at >> PAGE_SHIFT, &err);

		if (!page)
			break;		/* out of memory: what was written */
		left = copy_from_user((char *)page_address(page) + off,
				      ubuf + done, n);
		put_page(page);
		done += n - left;
		if (left)
			break;
	}
	*pos += done;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	inode->i_mtime = inode->i_ctime = current_time();
	account(inode);
	return done ? (long)done : count ? -EFAULT : 0;
}

/* tmpfs_truncate — the new size; the tail of a partial last page is
 * zeroed, so that growing again reads zeros there. */
static int tmpfs_truncate(struct inode *inode, u32 size)
{
	unsigned long npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct page *last;
	int err = ensure_pages(inode, npages);

	if (err)
		return err;
	mapping_shrink(object_of(inode), npages);
	if ((size & ~PAGE_MASK) &&
	    (last = find_page(object_of(inode), size >> PAGE_SHIFT)))
		memset((char *)page_address(last) + (size & ~PAGE_MASK), 0,
		       PAGE_SIZE - (size & ~PAGE_MASK));
	inode->i_size = size;
	inode->i_mtime = inode->i_ctime = current_time();
	account(inode);
	return 0;
}

static long tmpfs_kread(struct inode *inode, u32 pos, void *buf, u32 n)
{
	u32 done = 0;

	n = pos >= inode->i_size ? 0 : MIN(n, inode->i_size - pos);
	while (done < n) {
		u32 at = pos + done, off = at & ~PAGE_MASK;
		u32 k = MIN(n - done, (u32)PAGE_SIZE - off);
		struct page *page = object_of(inode) ?
			find_page(object_of(inode), at >> PAGE_SHIFT) : NULL;

		if (page)
			memcpy((char *)buf + done, (char *)page_address(page) + off, k);
		else
			memset((char *)buf + done, 0, k);
		done += k;
	}
	return done;
}

/* tmpfs_mmap — a shared mapping maps the file's own object (one more
 * reference for the area). */
static int tmpfs_mmap(struct file *f, struct address_space **obj)
{
	struct inode *inode = f->f_inode;
	int err = ensure_pages(inode,
			       (inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);

	if (err)
		return err;
	mapping_get(object_of(inode));
	*obj = object_of(inode);
	return 0;
}

static int tmpfs_fsync(struct inode *inode __unused, bool datasync __unused)
{
	return 0;	/* memory is where the data lives */
}

void tmpfs_evict_file(struct inode *inode)
{
	mapping_put(object_of(inode));
	inode->i_private = NULL;
}

const struct file_operations tmpfs_file_operations = {
	.read = tmpfs_read,
	.write = tmpfs_write,
	.truncate = tmpfs_truncate,
	.fsync = tmpfs_fsync,
	.kread = tmpfs_kread,
	.mmap = tmpfs_mmap,
};
