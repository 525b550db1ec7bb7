/* libc/src/thread/attr.c — pthread_attr_t: detach state and stack size
 * (the defaults are a joinable thread on a 2 MiB stack, mapped on
 * demand, with a guard page below it). */
#include "pthread_impl.h"

int pthread_attr_init(pthread_attr_t *a)
{
	*a = (pthread_attr_t){ .__a = { PTHREAD_CREATE_JOINABLE,
					DEFAULT_STACK, 0 } };
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->__a.detach = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->__a.detach;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN || size > 256 * 1024 * 1024)
		return EINVAL;
	a->__a.stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	*size = a->__a.stacksize;
	return 0;
}
