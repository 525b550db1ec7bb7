/* libc/src/arch/i386/syscall_arch.h — int $0x80 with 0 to 6 arguments.
 * Linux i386 ABI: number in %eax, arguments in %ebx %ecx %edx %esi %edi
 * %ebp, result in %eax; -4095..-1 is -errno. libc is built without PIC,
 * so %ebx is free to name; %ebp (maybe the frame pointer) is saved by hand
 * for the sixth argument, which comes through memory with the first. */
#ifndef _SYSCALL_ARCH_H
#define _SYSCALL_ARCH_H

static inline long __syscall0(long n)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
	return r;
}

static inline long __syscall1(long n, long a)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
	return r;
}

static inline long __syscall2(long n, long a, long b)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b)
			 : "memory");
	return r;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b),
			 "d"(c) : "memory");
	return r;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b),
			 "d"(c), "S"(d) : "memory");
	return r;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b),
			 "d"(c), "S"(d), "D"(e) : "memory");
	return r;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e,
			      long f)
{
	long r;
	long args[2] = { a, f };
	long *p = args;

	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%ebx), %%ebp\n\t"
			 "mov (%%ebx), %%ebx\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(r), "+b"(p) : "a"(n), "c"(b), "d"(c), "S"(d),
			   "D"(e) : "memory");
	return r;
}

#endif
