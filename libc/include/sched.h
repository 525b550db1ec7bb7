/* sched.h — scheduling, CPU affinity and the clone flags (Linux uapi
 * linux/sched.h; glibc's cpu_set_t: a bit per CPU, 1024 CPUs). */
#ifndef _SCHED_H
#define _SCHED_H

#include <linux/sched.h>
#include <stddef.h>

#define CPU_SETSIZE	1024

typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

#define __CPU_WORD(cpu)	((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_BIT(cpu)	(1UL << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set)	__builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)	((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu))
#define CPU_CLR(cpu, set)	((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu))
#define CPU_ISSET(cpu, set)	(((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0)
#define CPU_COUNT(set)	__sched_cpucount(sizeof(cpu_set_t), (set))
#define CPU_EQUAL(a, b)	(!__builtin_memcmp((a), (b), sizeof(cpu_set_t)))

int sched_yield(void);
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);
int sched_setaffinity(int pid, size_t size, const cpu_set_t *set);
int sched_getaffinity(int pid, size_t size, cpu_set_t *set);
int sched_getcpu(void);
int getcpu(unsigned int *cpu, unsigned int *node);
int __sched_cpucount(size_t size, const cpu_set_t *set);

#endif
