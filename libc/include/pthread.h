/* pthread.h — POSIX threads on clone(2) and futex(2). Type sizes are
 * glibc's on i386 (so that structures holding them have Linux's layout);
 * the insides are our own. Cancellation is deferred by default and acts
 * at the cancellation points listed in libc/src/thread/cancel.c; asynchronous
 * cancellation is supported too. */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/types.h>

typedef unsigned long pthread_t;
typedef unsigned int pthread_key_t;
typedef int pthread_once_t;

typedef union {
	struct {
		int detach, stacksize, set;
	} __a;
	char __size[36];
	long __align;
} pthread_attr_t;

typedef union {
	struct {
		volatile int lock;	/* 0 free, 1 locked, 2 locked + waiters */
		int type;		/* PTHREAD_MUTEX_* */
		int owner;		/* tid, for recursive and errorcheck */
		int count;		/* recursive depth */
	} __m;
	char __size[24];
	long __align;
} pthread_mutex_t;

typedef union {
	int __type;
	char __size[4];
} pthread_mutexattr_t;

typedef union {
	struct {
		volatile int seq;	/* bumped by each signal/broadcast */
		int clock;
	} __c;
	char __size[48];
	long long __align;
} pthread_cond_t;

typedef union {
	int __clock;
	char __size[4];
} pthread_condattr_t;

typedef union {
	struct {
		pthread_mutex_t *unused;
		volatile int count, limit, seq;
		volatile int lock;
	} __b;
	char __size[20];
	long __align;
} pthread_barrier_t;

typedef union {
	unsigned int __count;
	char __size[4];
} pthread_barrierattr_t;

typedef union {
	struct {
		volatile int lock;	/* guards the fields below */
		volatile int readers;	/* holding it; -1: a writer does */
		volatile int seq;	/* futex word: bumped at each release */
		int writer;		/* the writer's tid (EDEADLK) */
	} __rw;
	char __size[32];
	long __align;
} pthread_rwlock_t;

typedef union {
	int __flags;
	char __size[8];
	long __align;
} pthread_rwlockattr_t;

typedef volatile int pthread_spinlock_t;

#define PTHREAD_RWLOCK_INITIALIZER	{ { 0, 0, 0, 0 } }
#define PTHREAD_PROCESS_PRIVATE		0
#define PTHREAD_PROCESS_SHARED		1

#define PTHREAD_CREATE_JOINABLE	0
#define PTHREAD_CREATE_DETACHED	1

#define PTHREAD_MUTEX_NORMAL		0
#define PTHREAD_MUTEX_RECURSIVE		1
#define PTHREAD_MUTEX_ERRORCHECK	2
#define PTHREAD_MUTEX_DEFAULT		PTHREAD_MUTEX_NORMAL

#define PTHREAD_CANCEL_ENABLE		0
#define PTHREAD_CANCEL_DISABLE		1
#define PTHREAD_CANCEL_DEFERRED		0
#define PTHREAD_CANCEL_ASYNCHRONOUS	1
#define PTHREAD_CANCELED		((void *)-1)

#define PTHREAD_BARRIER_SERIAL_THREAD	(-1)

#define PTHREAD_MUTEX_INITIALIZER	{ { 0, 0, 0, 0 } }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP \
	{ { 0, PTHREAD_MUTEX_RECURSIVE, 0, 0 } }
#define PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP \
	{ { 0, PTHREAD_MUTEX_ERRORCHECK, 0, 0 } }
#define PTHREAD_COND_INITIALIZER	{ { 0, 0 } }
#define PTHREAD_ONCE_INIT		0

int pthread_create(pthread_t *t, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg);
int pthread_join(pthread_t t, void **result);
int pthread_detach(pthread_t t);
_Noreturn void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_kill(pthread_t t, int sig);
int pthread_sigmask(int how, const sigset_t *set, sigset_t *old);
int pthread_atfork(void (*prepare)(void), void (*parent)(void),
		   void (*child)(void));

int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size);

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type);

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *a);
int pthread_rwlock_destroy(pthread_rwlock_t *rw);
int pthread_rwlock_rdlock(pthread_rwlock_t *rw);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw);
int pthread_rwlock_wrlock(pthread_rwlock_t *rw);
int pthread_rwlock_trywrlock(pthread_rwlock_t *rw);
int pthread_rwlock_unlock(pthread_rwlock_t *rw);
int pthread_rwlockattr_init(pthread_rwlockattr_t *a);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a);
int pthread_spin_init(pthread_spinlock_t *l, int pshared);
int pthread_spin_destroy(pthread_spinlock_t *l);
int pthread_spin_lock(pthread_spinlock_t *l);
int pthread_spin_trylock(pthread_spinlock_t *l);
int pthread_spin_unlock(pthread_spinlock_t *l);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *a);
int pthread_condattr_destroy(pthread_condattr_t *a);
int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock);
int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clock);

int pthread_barrier_init(pthread_barrier_t *b,
			 const pthread_barrierattr_t *a, unsigned int count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);

int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

int pthread_cancel(pthread_t t);
int pthread_setcancelstate(int state, int *old);
int pthread_setcanceltype(int type, int *old);
void pthread_testcancel(void);

/* pthread_cleanup_push/pop: a handler record on the caller's stack,
 * linked into the thread's list; the two macros open and close one
 * block, as POSIX requires them to be used in pairs. */
struct __ptcb {
	void (*__f)(void *);
	void *__x;
	struct __ptcb *__next;
};
void _pthread_cleanup_push(struct __ptcb *cb, void (*f)(void *), void *x);
void _pthread_cleanup_pop(struct __ptcb *cb, int run);
#define pthread_cleanup_push(f, x) \
	do { struct __ptcb __cb; _pthread_cleanup_push(&__cb, f, x);
#define pthread_cleanup_pop(r) \
	_pthread_cleanup_pop(&__cb, (r)); } while (0)

#endif
