/* libc/src/thread/pthread_create.c — a thread's life: create, exit,
 * join, detach.
 *
 * A thread is clone(2) with the NPTL flags (pthread_impl.h): it shares
 * the address space, files, fs info and signal handlers, joins the
 * caller's thread group (getpid() is the same), gets its own TLS through
 * CLONE_SETTLS, and has the kernel store its TID at creation
 * (PARENT_SETTID) and zero it, with a futex wake, when it exits
 * (CHILD_CLEARTID): that zero is what pthread_join waits for. */
#include <sys/mman.h>
#include <stdlib.h>
#include "pthread_impl.h"
#include "../internal.h"

#define PAGE	4096
#define ROUND(x)	(((x) + PAGE - 1) & ~(size_t)(PAGE - 1))

void __unmapself(void *base, size_t size);

static int start_thread(void *arg)
{
	struct pthread *self = arg;

	pthread_exit(self->start(self->arg));
}

/* new_thread — map guard page, stack and TLS block in one mapping. */
static struct pthread *new_thread(size_t stack)
{
	size_t size = GUARD_SIZE + stack + ROUND(__tls_size());
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct pthread *t;

	if (map == MAP_FAILED)
		return NULL;
	if (mprotect(map, GUARD_SIZE, PROT_NONE)) {
		munmap(map, size);
		return NULL;
	}
	t = __tls_init(map + GUARD_SIZE + stack);
	t->map_base = map;
	t->map_size = size;
	return t;
}

int pthread_create(pthread_t *res, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	size_t stack = attr ? attr->__a.stacksize : DEFAULT_STACK;
	struct user_desc d;
	struct pthread *t = new_thread(ROUND(stack));
	int saved = errno, r;

	if (!t)
		return EAGAIN;
	t->start = start;
	t->arg = arg;
	t->detach_state = attr && attr->__a.detach ? DT_DETACHED : DT_JOINABLE;
	d = __tls_desc(t, __gs_entry);
	__atomic_add_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST);
	r = clone(start_thread, (char *)t->map_base + GUARD_SIZE + ROUND(stack),
		  THREAD_CLONE_FLAGS, t, &t->tid, &d, &t->tid);
	if (r < 0) {
		r = errno;
		errno = saved;
		__atomic_sub_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST);
		munmap(t->map_base, t->map_size);
		return r == ENOMEM ? EAGAIN : r;
	}
	*res = (pthread_t)t;
	return 0;
}

_Noreturn void pthread_exit(void *result)
{
	struct pthread *self = __pthread_self();
	sigset_t all = ~0ULL;

	self->canceldisable = 1;
	while (self->cleanup) {
		struct __ptcb *cb = self->cleanup;

		self->cleanup = cb->__next;
		cb->__f(cb->__x);
	}
	__tsd_run_destructors(self);
	self->result = result;
	/* POSIX: the last thread's pthread_exit is exit(0) */
	if (__atomic_sub_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);
	if (__sync_val_compare_and_swap(&self->detach_state, DT_JOINABLE,
					DT_EXITING) == DT_DETACHED &&
	    self->map_base) {
		/* nobody will join: free our own stack. No signal may
		 * arrive once it is gone, and the kernel must not write
		 * our TID word into memory that may be reused. */
		__syscall4(__NR_rt_sigprocmask, SIG_BLOCK, (long)&all, 0, 8);
		__syscall1(__NR_set_tid_address, 0);
		__unmapself(self->map_base, self->map_size);
	}
	for (;;)
		__syscall1(__NR_exit, 0);
}

int pthread_join(pthread_t t, void **result)
{
	struct pthread *th = (struct pthread *)t;
	int tid;

	if (th == __pthread_self())
		return EDEADLK;
	if (th->detach_state == DT_DETACHED)
		return EINVAL;
	__testcancel();
	/* shared FUTEX_WAIT: the kernel's CLEARTID wake is not private */
	while ((tid = th->tid))
		__syscall_cp(__NR_futex, (long)&th->tid, 0, tid, 0, 0);
	if (result)
		*result = th->result;
	if (th->map_base)
		munmap(th->map_base, th->map_size);
	return 0;
}

int pthread_detach(pthread_t t)
{
	struct pthread *th = (struct pthread *)t;

	switch (__sync_val_compare_and_swap(&th->detach_state, DT_JOINABLE,
					    DT_DETACHED)) {
	case DT_JOINABLE:
		return 0;
	case DT_EXITING:		/* too late to leave it: reap it now */
		return pthread_join(t, NULL);
	default:
		return EINVAL;
	}
}

pthread_t pthread_self(void)
{
	return (pthread_t)__pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
