/* kernel/test/test_kmalloc.c — self-tests of the kernel heap: every size
 * class and some large sizes, alignment, no overlap, accounting, reuse. */
#include "selftest.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../mm/page.h"

#define NR_BLOCKS	64

static const size_t sizes[] = { 1, 8, 16, 17, 31, 64, 100, 255, 256, 600,
				1024, 2000, 2048, 2049, 4096, 10000, 65536 };

/* fill_and_verify — give each block its own byte; overlaps show up. */
static bool fill_and_verify(void **blk, size_t size, int n)
{
	for (int i = 0; i < n; i++)
		memset(blk[i], i + 1, size);
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < size; j++)
			if (((u8 *)blk[i])[j] != (u8)(i + 1))
				return false;
	return true;
}

static void test_size(size_t size)
{
	void *blk[NR_BLOCKS];
	size_t align = size <= 16 ? 16 : size > 2048 ? PAGE_SIZE : 1;
	bool aligned = true, got = true;
	int n = size > 10000 ? 4 : NR_BLOCKS;

	while (align < size && align < PAGE_SIZE)
		align <<= 1;
	for (int i = 0; i < n; i++) {
		blk[i] = kmalloc(size);
		got = got && blk[i];
		aligned = aligned && blk[i] &&
			  IS_ALIGNED((unsigned long)blk[i], align);
	}
	check(got, "kmalloc: %d blocks of %zu bytes", n, size);
	check(aligned, "kmalloc: %zu-byte blocks aligned to %zu", size, align);
	check(got && ksize(blk[0]) >= size, "kmalloc: ksize >= %zu", size);
	check(got && fill_and_verify(blk, size, n),
	      "kmalloc: %zu-byte blocks do not overlap", size);
	for (int i = 0; i < n; i++)
		kfree(blk[i]);
}

void test_kmalloc(void)
{
	unsigned long heap = kmalloc_bytes_in_use();
	void *p, *q, *keep;

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++)
		test_size(sizes[i]);
	check(kmalloc(0) == NULL, "kmalloc: size 0 gives NULL");
	check(kmalloc(1UL << 30) == NULL, "kmalloc: 1 GiB gives NULL");
	keep = kmalloc(100);	/* keeps the slab alive across the kfree */
	p = kmalloc(100);
	check(kmalloc_bytes_in_use() == heap + 2 * 128,
	      "kmalloc: 100 bytes count as their 128-byte class");
	kfree(p);
	q = kmalloc(100);
	check(p == q, "kmalloc: a freed block is reused first");
	kfree(q);
	kfree(keep);
	p = kzalloc(300);
	check(p && !memcmp(p, (u8 *)p + 1, 299) && !*(u8 *)p,
	      "kmalloc: kzalloc zeroes");
	kfree(p);
	kfree(NULL);
	check(kmalloc_bytes_in_use() == heap, "kmalloc: kfree(NULL) is a no-op");
}
