/* libc/src/thread/pthread_impl.h — the thread control block and what the
 * thread files share.
 *
 * Every thread, the main one included, has a struct pthread at its
 * thread pointer (%gs base). i386 uses TLS "variant II" (Drepper, "ELF
 * Handling For Thread-Local Storage", 3.4.2): the program's PT_TLS block
 * sits just below the thread pointer, and the first word at the thread
 * pointer points to itself, so %gs:0 gives a plain address.
 *
 *	low  [guard page][stack ... grows down][TLS block][struct pthread] high
 *							  ^ %gs base
 * A pthread_t is the address of its struct pthread. */
#ifndef _PTHREAD_IMPL_H
#define _PTHREAD_IMPL_H

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>

struct pthread {
	struct pthread *self;		/* %gs:0 */
	volatile int tid;		/* PARENT_SETTID; CHILD_CLEARTID zeroes it */
	int errno_val;
	volatile int detach_state;	/* DT_* below */
	void *(*start)(void *);
	void *arg;
	void *result;
	void *map_base;			/* NULL for the main thread */
	size_t map_size;
	volatile int cancel;		/* pthread_cancel was called */
	int canceldisable, canceltype;
	struct __ptcb *cleanup;		/* pthread_cleanup_push's list */
	struct {
		unsigned int seq;	/* key's generation when set */
		void *value;
	} tsd[PTHREAD_KEYS_MAX];
};

enum { DT_JOINABLE, DT_DETACHED, DT_EXITING };

/* The NPTL flag set (clone(2), "CLONE_THREAD"; glibc's create_thread). */
#define THREAD_CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES |		\
	CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |	\
	CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/* struct user_desc (asm/ldt.h) for a thread pointer: a 32-bit segment,
 * limit in 4 KiB pages (all 4 GiB: TLS offsets below it wrap), usable. */
struct user_desc {
	unsigned int entry_number, base_addr, limit, flags;
};

static inline struct user_desc __tls_desc(struct pthread *tp, int entry)
{
	return (struct user_desc){ entry, (unsigned int)tp, 0xfffff, 0x51 };
}

#define FUTEX_WAIT_PRIVATE	128
#define FUTEX_WAKE_PRIVATE	129

#define SIGCANCEL	32	/* glibc's choice: the first real-time signal */
#define GUARD_SIZE	4096
#define DEFAULT_STACK	(2 * 1024 * 1024)

static inline struct pthread *__pthread_self(void)
{
	struct pthread *self;

	__asm__("movl %%gs:0, %0" : "=r"(self));
	return self;
}

/* tls.c */
extern int __gs_entry;		/* the GDT TLS slot every thread loads */
extern volatile int __thread_count;
size_t __tls_size(void);
struct pthread *__tls_init(void *mem);
int __set_thread_area(struct pthread *tp, int entry);

/* lock.c: a futex lock (Drepper's mutex, "Futexes Are Tricky" §6) */
void __lock(volatile int *l);
int __trylock(volatile int *l);
void __unlock(volatile int *l);
int __futex_wait(volatile int *addr, int val, const struct timespec *rel);
int __futex_wake(volatile int *addr, int n);
int __timeout_left(const struct timespec *abs, clockid_t clock,
		   struct timespec *rel);

/* cancel.c */
long __syscall_cp(long nr, long a, long b, long c, long d, long e);
void __testcancel(void);
_Noreturn void __cancel(void);

/* key.c */
void __tsd_run_destructors(struct pthread *self);

#endif
