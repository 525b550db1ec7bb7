/* kernel/cpu/x86.h — the only home of inline assembly (xv6 x86.h).
 * Port I/O, control registers, interrupt flag and TLB accessors. */
#ifndef CLONIX_X86_H
#define CLONIX_X86_H

#include "../lib/kernel.h"

#define X86_EFLAGS_IF	0x00000200

static inline void outb(u16 port, u8 v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 port, u16 v)
{
	asm volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u16 port, u32 v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;

	asm volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* io_delay — a write to the unused POST port: ~1 us on real hardware. */
static inline void io_delay(void)
{
	outb(0x80, 0);
}

static inline u32 read_cr0(void)
{
	u32 v;

	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(u32 v)
{
	asm volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

/* The x87/SSE state of user programs (512 bytes, FXSAVE format, 16-byte
 * aligned): saved and restored at every task switch (kernel/cpu/fpu.c);
 * the kernel itself never uses the FPU. */
static inline void fxsave(void *area)
{
	asm volatile("fxsave %0" : "=m"(*(char (*)[512])area));
}

static inline void fxrstor(const void *area)
{
	asm volatile("fxrstor %0" : : "m"(*(const char (*)[512])area));
}

static inline void fninit(void)
{
	asm volatile("fninit");
}

static inline u32 read_cr2(void)
{
	u32 v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline u32 read_cr3(void)
{
	u32 v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(u32 v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline u32 read_cr4(void)
{
	u32 v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(u32 v)
{
	asm volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void invlpg(u32 va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline u32 read_eflags(void)
{
	u32 v;

	asm volatile("pushfl; popl %0" : "=r"(v));
	return v;
}

static inline u64 rdtsc(void)
{
	u64 v;

	asm volatile("rdtsc" : "=A"(v));
	return v;
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "a"(leaf), "c"(0));
}

/* xchg — swap *p and v in one locked bus cycle: the atomic step of
 * every spinlock (xchg with memory is always locked on x86). */
static inline u32 xchg(volatile u32 *p, u32 v)
{
	asm volatile("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
	return v;
}

static inline void atomic_or(volatile u32 *p, u32 v)
{
	asm volatile("lock orl %1, %0" : "+m"(*p) : "ir"(v) : "memory");
}

static inline void atomic_andnot(volatile u32 *p, u32 v)
{
	asm volatile("lock andl %1, %0" : "+m"(*p) : "ir"(~v) : "memory");
}

#define barrier()	asm volatile("" : : : "memory")

/* cpu_relax — inside a spin loop: "pause" tells the CPU (and QEMU)
 * that this is a busy-wait, and the memory clobber rereads the lock. */
static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

/* hlt with interrupts enabled: sleeps until the next interrupt. The sti
 * shadow makes "sti; hlt" atomic, so no wake-up is lost in between. */
static inline void safe_halt(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

static inline void halt(void)
{
	asm volatile("hlt" : : : "memory");
}

/* breakpoint — raise #BP (vector 3), as a debugger's int3 does. */
static inline void breakpoint(void)
{
	asm volatile("int3");
}

struct desc_ptr {
	u16 size;
	u32 address;
} __packed;

static inline void lgdt(const struct desc_ptr *p)
{
	asm volatile("lgdt %0" : : "m"(*p));
}

static inline void lidt(const struct desc_ptr *p)
{
	asm volatile("lidt %0" : : "m"(*p));
}

static inline void ltr(u16 sel)
{
	asm volatile("ltr %0" : : "r"(sel));
}

/* load_segments — reload every segment register after lgdt; the far jump
 * through lret reloads %cs. */
static inline void load_segments(u16 cs, u16 ds)
{
	asm volatile("pushl %0\n\t"
		     "pushl $1f\n\t"
		     "lret\n"
		     "1:\n\t"
		     "mov %1, %%ds\n\t"
		     "mov %1, %%es\n\t"
		     "mov %1, %%ss\n\t"
		     "mov %2, %%fs\n\t"
		     "mov %2, %%gs"
		     : : "r"((u32)cs), "r"((u32)ds), "r"(0) : "memory");
}

#endif
