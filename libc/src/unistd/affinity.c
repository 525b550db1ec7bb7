/* libc/src/unistd/affinity.c — sched_setaffinity(2), sched_getaffinity(2)
 * and getcpu(2), with glibc's wrappers' behaviour: the kernel writes only
 * the bytes of its own mask, the wrapper clears the rest. */
#include <sched.h>
#include <string.h>
#include "../internal.h"

int sched_setaffinity(int pid, size_t size, const cpu_set_t *set)
{
	return __SC(3, __NR_sched_setaffinity, pid, (long)size, (long)set);
}

int sched_getaffinity(int pid, size_t size, cpu_set_t *set)
{
	long n = __syscall3(__NR_sched_getaffinity, pid, size, (long)set);

	if (n < 0)
		return __syscall_ret(n);
	memset((char *)set + n, 0, size - n);
	return 0;
}

int getcpu(unsigned int *cpu, unsigned int *node)
{
	return __SC(3, __NR_getcpu, (long)cpu, (long)node, 0);
}

int sched_getcpu(void)
{
	unsigned int cpu;

	return getcpu(&cpu, NULL) < 0 ? -1 : (int)cpu;
}

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;

	for (size_t i = 0; i < size / sizeof(unsigned long); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}
