/* kernel/fs/exec.c — execve: a new program in the calling process.
 * Linux fs/exec.c (do_execveat_common, copy_strings, setup_arg_pages,
 * exec_mmap, begin_new_exec) and binfmt_elf.c create_elf_tables;
 * ULK 20.4. Steps:
 * - build the new address space aside: the argument and environment
 *   strings go to the top of its stack, the ELF segments below;
 * - only then, at the point of no return, drop the old address space;
 * - lay out argc, argv[], envp[] and the auxiliary vector under the
 *   strings (the Linux i386 initial stack) and start at e_entry. */
#include "binfmts.h"
#include "../cpu/segment.h"
#include "../cpu/x86.h"
#include "../drivers/timer.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/elf.h>

#define STACK_EXPAND	(128 * 1024)	/* room below the args, as Linux */
#define X86_EFLAGS_FIXED	0x2

/* put_bytes — write n bytes at va in bprm's (not yet current) mm. */
static int put_bytes(struct linux_binprm *bprm, unsigned long va,
		     const void *src, unsigned long n)
{
	while (n) {
		unsigned long chunk = MIN(n, PAGE_SIZE - (va & ~PAGE_MASK));
		struct page *page = exec_get_page(bprm->mm, va);

		if (!page)
			return -ENOMEM;
		memcpy((char *)page_address(page) + (va & ~PAGE_MASK), src,
		       chunk);
		va += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return 0;
}

/* make_room — move p down by len, growing the stack area (E2BIG past
 * the limit on all strings, as Linux). */
static int make_room(struct linux_binprm *bprm, unsigned long len)
{
	if (len > MAX_ARG_STRLEN || STACK_TOP - (bprm->p - len) > MAX_ARG_BYTES)
		return -E2BIG;
	bprm->p -= len;
	return expand_stack(find_vma(bprm->mm, bprm->p), bprm->p) ? 0 : -E2BIG;
}

int copy_string_kernel(struct linux_binprm *bprm, const char *s)
{
	unsigned long len = strlen(s) + 1;
	int err = make_room(bprm, len);

	return err ? err : put_bytes(bprm, bprm->p, s, len);
}

/* copy_string_user — one user string; its length is found first, in
 * page-sized chunks, so that p can be moved before the copy. */
static int copy_string_user(struct linux_binprm *bprm, const char *us,
			    char *tmp)
{
	unsigned long len = 0, n, done;
	int err;

	for (;;) {
		n = PAGE_SIZE - ((unsigned long)(us + len) & ~PAGE_MASK);
		if (copy_from_user(tmp, us + len, n))
			n = copy_from_user(tmp, us + len, 1) ? 0 : 1;
		if (!n)
			return -EFAULT;
		done = strnlen(tmp, n);
		len += done;
		if (done < n)
			break;
		if (len > MAX_ARG_STRLEN)
			return -E2BIG;
	}
	err = make_room(bprm, ++len);
	for (done = 0; !err && done < len; done += n) {
		n = MIN(len - done, PAGE_SIZE);
		err = copy_from_user(tmp, us + done, n) ? -EFAULT :
		      put_bytes(bprm, bprm->p + done, tmp, n);
	}
	return err;
}

/* count_user_strings — entries of a NULL-terminated user array. */
int count_user_strings(const char *const *uargv)
{
	int n = 0;
	u32 ptr;

	if (!uargv)
		return 0;	/* Linux accepts a NULL argv or envp */
	for (;; n++) {
		if (get_user_u32(&ptr, (const u32 *)(uargv + n)))
			return -EFAULT;
		if (!ptr)
			return n;
		if (n > 65536)
			return -E2BIG;
	}
}

/* copy_strings_user — last string first, so that [0] ends up lowest. */
int copy_strings_user(struct linux_binprm *bprm, int count,
		      const char *const *uargv)
{
	struct page *page = alloc_page();
	int err = page ? 0 : -ENOMEM;
	u32 ptr;

	while (!err && count-- > 0)
		err = get_user_u32(&ptr, (const u32 *)(uargv + count)) ?:
		      copy_string_user(bprm, (const char *)ptr,
				       page_address(page));
	if (page)
		put_page(page);
	return err;
}

/* bprm_mm_init — the new address space with a one-page stack area at
 * the top; strings are copied below STACK_TOP minus one word. */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	bprm->p = STACK_TOP - sizeof(void *);
	return insert_vm_area(bprm->mm, STACK_TOP - PAGE_SIZE, STACK_TOP,
			      VM_READ | VM_WRITE | VM_GROWSDOWN);
}

/* exec_mmap — the point of no return: the new mm becomes current's. */
static void exec_mmap(struct mm_struct *mm)
{
	struct mm_struct *old = current->mm;

	current->mm = mm;
	switch_pgd(mm->pgd);
	if (old)
		mmput(old);
}

static const char *basename(const char *path)
{
	const char *slash = strchr(path, '/');

	while (slash) {
		path = slash + 1;
		slash = strchr(path, '/');
	}
	return path;
}

/* random_bytes — AT_RANDOM's 16 bytes: not cryptographic, only varied
 * (TSC and jiffies through a xorshift). */
static void random_bytes(u8 *buf, int n)
{
	u64 x = rdtsc() ^ (get_jiffies_64() << 32) ^ 0x9E3779B97F4A7C15ULL;

	for (int i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = x;
	}
}

/* push_table — argc, argv[], NULL, envp[], NULL, auxv: the pointers are
 * found by walking the strings upward from bprm->p. */
static int push_table(struct linux_binprm *bprm, u32 *sp, const u32 *auxv,
		      int nauxv)
{
	unsigned long s = bprm->p;
	u32 *out = sp;
	char c;
	int err = put_user_u32(bprm->argc, out++);

	for (int i = 0; i < bprm->argc + bprm->envc + 2; i++) {
		if (i == bprm->argc || i == bprm->argc + bprm->envc + 1) {
			err = err ?: put_user_u32(0, out++);
			continue;
		}
		err = err ?: put_user_u32(s, out++);
		do {
			err = err ?: (int)copy_from_user(&c, (char *)s++, 1);
		} while (!err && c);
	}
	if (copy_to_user(out, auxv, nauxv * sizeof(u32)))
		err = -EFAULT;
	return err;
}

/* create_elf_tables — the Linux i386 initial stack, from the top down:
 * strings, AT_RANDOM bytes, the platform string, then (16-byte aligned)
 * argc, argv, envp and the auxiliary vector. */
static int create_elf_tables(struct linux_binprm *bprm, unsigned long *spp)
{
	static const char platform[] = "i686";
	unsigned long sp = bprm->p, rnd, plat;
	u8 random[16];
	u32 auxv[40];
	int n = 0, items;

	random_bytes(random, sizeof(random));
	sp -= sizeof(random);
	rnd = sp;
	sp -= sizeof(platform);
	plat = sp;
	if (copy_to_user((void *)rnd, random, sizeof(random)) ||
	    copy_to_user((void *)plat, platform, sizeof(platform)))
		return -EFAULT;
#define AUX(k, v)	do { auxv[n++] = (k); auxv[n++] = (v); } while (0)
	AUX(AT_HWCAP, 0);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, USER_HZ);
	AUX(AT_PHDR, bprm->phdr_addr);
	AUX(AT_PHENT, sizeof(Elf32_Phdr));
	AUX(AT_PHNUM, bprm->phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, rnd);
	AUX(AT_EXECFN, bprm->exec);
	AUX(AT_PLATFORM, plat);
	AUX(AT_NULL, 0);
#undef AUX
	items = 1 + bprm->argc + 1 + bprm->envc + 1;
	sp = ALIGN_DOWN(sp - (items + n) * sizeof(u32), 16);
	*spp = sp;
	return push_table(bprm, (u32 *)sp, auxv, n);
}

/* start_thread — user registers for the first instruction (Linux
 * ELF_PLAT_INIT: all general registers zero). */
static void start_thread(struct pt_regs *regs, unsigned long ip,
			 unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->orig_ax = -1;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->ip = ip;
	regs->sp = sp;
}

/* begin_new_exec — past the point of no return: errors now kill. */
static int begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long sp;
	int err;

	exec_mmap(mm);
	bprm->mm = NULL;
	mm->start_brk = mm->brk = bprm->brk;
	mm->start_stack = bprm->p;
	set_task_comm(current, basename(bprm->filename));
	err = create_elf_tables(bprm, &sp);
	if (err)
		return err;
	expand_stack(find_vma(mm, sp), sp - STACK_EXPAND);
	start_thread(task_pt_regs(current), bprm->entry, sp);
	return 0;
}

/* exec_binprm — read the header, load, and switch over. */
static int exec_binprm(struct linux_binprm *bprm)
{
	long n = bprm->read(bprm, 0, bprm->buf, BINPRM_BUF_SIZE);
	int err;

	if (n < (long)sizeof(Elf32_Ehdr))
		return n < 0 ? n : -ENOEXEC;
	err = load_elf_binary(bprm);
	if (err)
		return err;
	err = begin_new_exec(bprm);
	if (err)
		do_exit(SIGKILL);	/* Linux: force_fatal_sig(SIGSEGV) */
	return 0;
}

static long image_read(struct linux_binprm *bprm, u32 pos, void *buf, u32 n)
{
	if (pos >= bprm->source_size)
		return 0;
	n = MIN(n, bprm->source_size - pos);
	memcpy(buf, (const char *)bprm->source + pos, n);
	return n;
}

/* kernel_execve_image — exec an ELF image that is in kernel memory, with
 * kernel argv/envp (self-tests; the first program before a disk exists). */
int kernel_execve_image(const char *name, const void *img, u32 size,
			const char *const *argv, const char *const *envp)
{
	struct linux_binprm bprm = { .filename = name, .read = image_read,
				     .source = img, .source_size = size };
	int err = bprm_mm_init(&bprm);

	for (; envp && envp[bprm.envc]; bprm.envc++)
		;
	for (; argv && argv[bprm.argc]; bprm.argc++)
		;
	err = err ?: copy_string_kernel(&bprm, name);
	bprm.exec = bprm.p;
	for (int i = bprm.envc - 1; !err && i >= 0; i--)
		err = copy_string_kernel(&bprm, envp[i]);
	for (int i = bprm.argc - 1; !err && i >= 0; i--)
		err = copy_string_kernel(&bprm, argv[i]);
	err = err ?: exec_binprm(&bprm);
	if (bprm.mm)
		mmput(bprm.mm);
	return err;
}
