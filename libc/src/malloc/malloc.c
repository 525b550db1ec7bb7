/* libc/src/malloc/malloc.c — malloc, free, calloc, realloc: K&R's
 * first-fit allocator over sbrk (The C Programming Language, 8.7), with
 * 16-byte units and coalescing on free. One futex lock makes it safe
 * for threads; fork holds it across the call (thread/signal.c). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../thread/pthread_impl.h"

union header {
	struct {
		union header *next;	/* next free block */
		size_t units;		/* size in units, header included */
	} s;
	char align[16];
};

#define UNIT		sizeof(union header)
#define MIN_GROW	(64 * 1024 / UNIT)

static union header base;
static union header *freep;
static volatile int lock;

static void release(void *ap);

void __malloc_lock(void)
{
	__lock(&lock);
}

void __malloc_unlock(int in_child)
{
	if (in_child)
		lock = 0;	/* the child's copy: no waiter exists there */
	else
		__unlock(&lock);
}

/* morecore — ask the kernel for at least n units and free them in. */
static union header *morecore(size_t n)
{
	union header *h;

	if (n < MIN_GROW)
		n = MIN_GROW;
	h = sbrk(n * UNIT);
	if (h == (void *)-1)
		return NULL;
	h->s.units = n;
	release(h + 1);
	return freep;
}

static void *alloc(size_t size)
{
	size_t n;
	union header *p, *prev;

	if (!size)
		return NULL;
	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	n = (size + UNIT - 1) / UNIT + 1;
	if (!(prev = freep)) {
		base.s.next = freep = prev = &base;
		base.s.units = 0;
	}
	for (p = prev->s.next;; prev = p, p = p->s.next) {
		if (p->s.units >= n) {
			if (p->s.units == n) {
				prev->s.next = p->s.next;
			} else {
				p->s.units -= n;
				p += p->s.units;
				p->s.units = n;
			}
			freep = prev;
			return p + 1;
		}
		if (p == freep && !(p = morecore(n))) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void *malloc(size_t size)
{
	void *p;

	__lock(&lock);
	p = alloc(size);
	__unlock(&lock);
	return p;
}

/* release — put the block back in address order, merging neighbours. */
static void release(void *ap)
{
	union header *b, *p;

	if (!ap)
		return;
	b = (union header *)ap - 1;
	for (p = freep; !(b > p && b < p->s.next); p = p->s.next)
		if (p >= p->s.next && (b > p || b < p->s.next))
			break;
	if (b + b->s.units == p->s.next) {
		b->s.units += p->s.next->s.units;
		b->s.next = p->s.next->s.next;
	} else {
		b->s.next = p->s.next;
	}
	if (p + p->s.units == b) {
		p->s.units += b->s.units;
		p->s.next = b->s.next;
	} else {
		p->s.next = b;
	}
	freep = p;
}

void free(void *ap)
{
	__lock(&lock);
	release(ap);
	__unlock(&lock);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *old, size_t size)
{
	size_t have;
	void *p;

	if (!old)
		return malloc(size);
	if (!size) {
		free(old);
		return NULL;
	}
	__lock(&lock);
	have = (((union header *)old - 1)->s.units - 1) * UNIT;
	p = old;
	if (have < size && (p = alloc(size))) {
		memcpy(p, old, have);
		release(old);
	}
	__unlock(&lock);
	return p;
}
