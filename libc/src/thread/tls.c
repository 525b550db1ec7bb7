/* libc/src/thread/tls.c — the main thread's control block, thread-local
 * storage, and errno through it.
 *
 * __libc_start_main calls __init_tp first of all: it finds the program's
 * PT_TLS segment through the auxiliary vector (AT_PHDR), maps one block
 * holding the TLS image and the struct pthread, and loads %gs with a
 * GDT TLS slot whose base is that struct (set_thread_area(2) with entry
 * -1: the kernel picks the slot; threads reuse it with CLONE_SETTLS). */
#include <linux/auxvec.h>
#include <linux/elf.h>
#include <string.h>
#include <sys/mman.h>
#include "pthread_impl.h"
#include "../internal.h"

int __gs_entry = -1;
volatile int __thread_count = 1;

static struct {
	const void *image;	/* .tdata, copied into every block */
	size_t filesz, memsz, align;
	size_t offset;		/* TLS block start = thread pointer - offset */
} tls = { NULL, 0, 0, 1, 0 };

/* __tls_size — bytes a thread needs for its TLS block and struct pthread,
 * including the slack to align the thread pointer. */
size_t __tls_size(void)
{
	return tls.offset + sizeof(struct pthread) + tls.align;
}

/* __tls_init — lay out a TLS block in mem (zeroed, __tls_size bytes) and
 * return the thread pointer (variant II: block just below it). */
struct pthread *__tls_init(void *mem)
{
	unsigned long tp = (unsigned long)mem + tls.offset + tls.align - 1;
	struct pthread *self;

	tp &= ~(tls.align - 1);
	self = (struct pthread *)tp;
	memcpy((char *)tp - tls.offset, tls.image, tls.filesz);
	self->self = self;
	return self;
}

int __set_thread_area(struct pthread *tp, int entry)
{
	struct user_desc d = __tls_desc(tp, entry);
	long r = __syscall1(__NR_set_thread_area, (long)&d);

	if (r < 0)
		return r;
	__asm__ volatile("movw %w0, %%gs" : : "r"(d.entry_number * 8 + 3));
	return d.entry_number;
}

static void find_tls(char **envp)
{
	unsigned long *aux = (unsigned long *)envp;
	Elf32_Phdr *ph = NULL;
	size_t n = 0;

	while (*aux)
		aux++;
	for (aux++; aux[0] != AT_NULL; aux += 2) {
		if (aux[0] == AT_PHDR)
			ph = (Elf32_Phdr *)aux[1];
		else if (aux[0] == AT_PHNUM)
			n = aux[1];
	}
	for (; ph && n--; ph++) {
		if (ph->p_type != PT_TLS)
			continue;
		tls.image = (const void *)ph->p_vaddr;
		tls.filesz = ph->p_filesz;
		tls.memsz = ph->p_memsz;
		if (ph->p_align > tls.align)
			tls.align = ph->p_align;
	}
	if (tls.align < __alignof__(struct pthread))
		tls.align = __alignof__(struct pthread);
	tls.offset = (tls.memsz + tls.align - 1) & ~(tls.align - 1);
}

/* __init_tp — the main thread's block; a failure here cannot be
 * reported (no errno, no stdio yet), so the process ends. */
void __init_tp(char **envp)
{
	void *mem;
	struct pthread *self;

	find_tls(envp);
	mem = (void *)__syscall6(__NR_mmap2, 0, __tls_size(),
				 PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if ((unsigned long)mem > -4096UL)
		__syscall1(__NR_exit_group, 127);
	self = __tls_init(mem);
	__gs_entry = __set_thread_area(self, -1);
	if (__gs_entry < 0)
		__syscall1(__NR_exit_group, 127);
	self->tid = __syscall1(__NR_set_tid_address, (long)&self->tid);
}

int *__errno_location(void)
{
	return &__pthread_self()->errno_val;
}
