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
#include "../cpu/tls.h"
#include "../cpu/x86.h"
#include "../drivers/random.h"
#include "../lib/jiffies.h"
#include "fdtable.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../task/sched.h"
#include "../task/signal.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/auxvec.h>
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

/* arg_limit — how much the strings and their pointers may take: a
 * quarter of the stack limit, at most 6 MiB (three quarters of 8), at
 * least ARG_MAX (Linux fs/exec.c bprm_stack_limits). */
static unsigned long arg_limit(void)
{
	unsigned long limit = MIN(rlimit(RLIMIT_STACK) / 4, _STK_LIM / 4 * 3);

	return MAX(limit, ARG_MAX);
}

/* arg_ptr_size — argv[] and envp[] on the new stack (one argv slot at
 * least: Linux counts the NULL it adds for an empty argv). */
static unsigned long arg_ptr_size(const struct linux_binprm *bprm)
{
	return (MAX(bprm->argc, 1) + bprm->envc) * sizeof(void *);
}

/* make_room — move p down by len, growing the stack area (E2BIG past
 * the limit on all strings and pointers, as Linux). */
static int make_room(struct linux_binprm *bprm, unsigned long len)
{
	unsigned long used = STACK_TOP - (bprm->p - len);

	if (len > MAX_ARG_STRLEN || used + arg_ptr_size(bprm) > arg_limit())
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
 * chunks of at most 256 bytes that never cross a page (so that many
 * short strings stay cheap), so that p can be moved before the copy. */
static int copy_string_user(struct linux_binprm *bprm, const char *us,
			    char *tmp)
{
	unsigned long len = 0, n, done;
	int err;

	for (;;) {
		n = PAGE_SIZE - ((unsigned long)(us + len) & ~PAGE_MASK);
		n = MIN(n, 256);
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

/* struct user_arg_ptr — argv or envp, in user or in kernel memory. */
struct user_arg_ptr {
	bool is_kernel;
	const char *const *ptr;
};

/* get_arg — the i-th pointer, or NULL at the end; ERR_PTR(-EFAULT). */
static const char *get_arg(struct user_arg_ptr a, int i)
{
	u32 p;

	if (!a.ptr)
		return NULL;	/* Linux accepts a NULL argv or envp */
	if (a.is_kernel)
		return a.ptr[i];
	if (get_user_u32(&p, (const u32 *)(a.ptr + i)))
		return ERR_PTR(-EFAULT);
	return (const char *)p;
}

/* count_strings — stops as soon as the pointers alone exceed the limit */
static int count_strings(struct user_arg_ptr a)
{
	unsigned long max = arg_limit() / sizeof(void *);
	int n = 0;
	const char *p;

	while ((p = get_arg(a, n))) {
		if (IS_ERR(p))
			return PTR_ERR(p);
		if ((unsigned long)++n >= max)
			return -E2BIG;
	}
	return n;
}

/* copy_strings — last string first, so that [0] ends up lowest. */
static int copy_strings(struct linux_binprm *bprm, int count,
			struct user_arg_ptr a)
{
	struct page *page = a.is_kernel ? NULL : alloc_page();
	int err = a.is_kernel || page ? 0 : -ENOMEM;

	while (!err && count-- > 0) {
		const char *s = get_arg(a, count);

		if (IS_ERR(s) || !s)
			err = s ? PTR_ERR(s) : -EFAULT;
		else if (a.is_kernel)
			err = copy_string_kernel(bprm, s);
		else
			err = copy_string_user(bprm, s, page_address(page));
	}
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

/* exec_mmap — the point of no return: the new mm becomes current's; the
 * old one is released as at exit (vfork parent, CLEARTID word). */
static void exec_mmap(struct mm_struct *mm)
{
	struct mm_struct *old = current->mm;

	if (old)
		mm_release(current, old);
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

/* push_table — argc, argv[], NULL, envp[], NULL, auxv: the pointers are
 * found by walking the strings upward from bprm->p. */
static int push_table(struct linux_binprm *bprm, u32 *sp, const u32 *auxv,
		      int nauxv)
{
	unsigned long s = bprm->p;
	u32 *out = sp;
	char c;
	int err = put_user_u32(bprm->argc, out++);

	current->mm->arg_start = s;	/* /proc/PID/cmdline and environ */
	for (int i = 0; i < bprm->argc + bprm->envc + 2; i++) {
		if (i == bprm->argc || i == bprm->argc + bprm->envc + 1) {
			err = err ?: put_user_u32(0, out++);
			if (i == bprm->argc)
				current->mm->arg_end = current->mm->env_start = s;
			continue;
		}
		err = err ?: put_user_u32(s, out++);
		do {
			err = err ?: (int)copy_from_user(&c, (char *)s++, 1);
		} while (!err && c);
	}
	current->mm->env_end = s;
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
	u32 auxv[40], a, b, c, hwcap;
	int n = 0, items;

	get_random_bytes(random, sizeof(random));
	sp -= sizeof(random);
	rnd = sp;
	sp -= sizeof(platform);
	plat = sp;
	if (copy_to_user((void *)rnd, random, sizeof(random)) ||
	    copy_to_user((void *)plat, platform, sizeof(platform)))
		return -EFAULT;
#define AUX(k, v)	do { auxv[n++] = (k); auxv[n++] = (v); } while (0)
	cpuid(1, &a, &b, &c, &hwcap);	/* AT_HWCAP: CPUID.1:EDX, as Linux */
	AUX(AT_HWCAP, hwcap);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, USER_HZ);
	AUX(AT_PHDR, bprm->phdr_addr);
	AUX(AT_PHENT, sizeof(Elf32_Phdr));
	AUX(AT_PHNUM, bprm->phnum);
	AUX(AT_BASE, bprm->interp_base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->user_entry);
	AUX(AT_UID, current->cred.uid);
	AUX(AT_EUID, current->cred.euid);
	AUX(AT_GID, current->cred.gid);
	AUX(AT_EGID, current->cred.egid);
	AUX(AT_SECURE, 0);	/* set-user-ID files are not honoured */
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

/* exec_files — a private descriptor table (Linux unshare_files), then
 * every close-on-exec descriptor closed. */
static void exec_files(void)
{
	struct files_struct *files = current->files, *copy;

	if (!files)
		return;
	if (files->count > 1 && (copy = dup_fd(files))) {
		put_files_struct(files);
		current->files = files = copy;
	}
	do_close_on_exec(files);
}

/* unshare_sighand — exec changes the handlers, and must not change those
 * of another process that shares the table (CLONE_SIGHAND without
 * CLONE_THREAD): the exec'ing task gets a copy first. */
static int unshare_sighand(struct task_struct *tsk)
{
	struct sighand_struct *sh;

	if (tsk->sighand->count == 1)
		return 0;
	sh = copy_sighand_struct(tsk->sighand);
	if (!sh)
		return -ENOMEM;
	put_sighand(tsk->sighand);
	tsk->sighand = sh;
	return 0;
}

/* setup_new_exec — what a new program does not inherit (spec §4.5.4,
 * Linux setup_new_exec): caught signals go back to SIG_DFL (ignored ones
 * stay ignored), no alternate stack, no AFORK for accounting, and the
 * saved and file-system ids become the effective ones (set-user-ID files
 * are not honoured: they run as the caller). */
static void setup_new_exec(struct task_struct *tsk)
{
	flush_signal_handlers(tsk);
	tsk->sas_ss_sp = tsk->sas_ss_size = 0;
	tsk->flags &= ~PF_FORKNOEXEC;
	tsk->cred.suid = tsk->cred.fsuid = tsk->cred.euid;
	tsk->cred.sgid = tsk->cred.fsgid = tsk->cred.egid;
}

/* begin_new_exec — past the point of no return: errors now kill. */
static int begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long sp;
	int err = de_thread(current);

	if (!err)
		err = unshare_sighand(current);
	if (err)
		return err;
	setup_new_exec(current);
	exec_mmap(mm);
	clear_TLS(current);	/* spec §8.5.4: slots cleared, %gs = 0 */
	fpu_reset();
	bprm->mm = NULL;
	exec_files();
	mm->start_brk = mm->brk = bprm->brk;
	mm->start_stack = bprm->p;
	set_task_comm(current, basename(bprm->filename));
	mm->exe_path = absolute_path(bprm->filename);
	err = create_elf_tables(bprm, &sp);
	if (err)
		return err;
	expand_stack(find_vma(mm, sp), sp - STACK_EXPAND);
	start_thread(task_pt_regs(current), bprm->entry, sp);
	return 0;
}

/* exec_binprm — read the header: a "#!" script names its interpreter,
 * which is read in turn (at most 4 deep, as Linux); then load the ELF
 * file and switch over. */
static int exec_binprm(struct linux_binprm *bprm)
{
	long n;
	int err;

	for (int depth = 0;; depth++) {
		memset(bprm->buf, 0, sizeof(bprm->buf));
		n = bprm->read(bprm, 0, bprm->buf, BINPRM_BUF_SIZE);
		if (n < 2 || bprm->buf[0] != '#' || bprm->buf[1] != '!')
			break;
		if (depth == 4)
			return -ELOOP;
		err = load_script(bprm, n);
		if (err)
			return err;
	}
	if (n < (long)sizeof(Elf32_Ehdr))
		return n < 0 ? n : -ENOEXEC;
	err = load_elf_binary(bprm);
	if (err)
		return err;
	err = begin_new_exec(bprm);
	if (err && !bprm->fatal_sig)
		bprm->fatal_sig = SIGSEGV;
	/* past the point of no return (Linux bprm_execve): unless the group
	 * is being killed anyway, die of the segment's signal */
	if (bprm->fatal_sig && !fatal_signal_pending(current))
		force_fatal_sig(bprm->fatal_sig);
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

static long inode_read(struct linux_binprm *bprm, u32 pos, void *buf, u32 n)
{
	struct inode *inode = (struct inode *)bprm->source;

	return inode->i_fop->kread(inode, pos, buf, n);
}

/* open_exec — the inode of an executable file in *res (only on
 * success), or why it is not one. */
int open_exec(const char *path, struct inode **res)
{
	struct inode *inode;
	int err = path_lookup(AT_FDCWD, path, true, &inode);

	if (err)
		return err;
	if (!S_ISREG(inode->i_mode) || !inode->i_fop->kread ||
	    may_access(inode, 1)) {
		iput(inode);
		return -EACCES;
	}
	*res = inode;
	return 0;
}

/* bprm_put_file — let go of the executable (or script) read so far. */
static void bprm_put_file(struct linux_binprm *bprm)
{
	if (bprm->read == inode_read)
		iput((struct inode *)bprm->source);
	if (bprm->mapping)
		mapping_put(bprm->mapping);
	if (bprm->file)
		fput(bprm->file);
	bprm->mapping = NULL;
	bprm->file = NULL;
}

/* exec_mapping — what the segments of the executable (or interpreter) at
 * inode will map: an open file named path, for the areas to hold, and
 * its pages. Both stay NULL when its file system cannot map it, and the
 * mapping when memory is short: the segments are copied then. */
void exec_mapping(struct inode *inode, const char *path, struct file **file,
	       struct address_space **mapping)
{
	if (!inode->i_fop->mmap)
		return;
	*file = alloc_file(igrab(inode), O_RDONLY, inode->i_fop);
	if (!*file) {
		iput(inode);
		return;
	}
	(*file)->f_path = absolute_path(path);
	if (inode->i_fop->mmap(*file, mapping))
		*mapping = NULL;
}

/* bprm_set_file — read the executable's bytes from this inode, and map
 * its segments from its page cache when its file system allows. */
void bprm_set_file(struct linux_binprm *bprm, struct inode *inode,
		   const char *path)
{
	bprm_put_file(bprm);
	bprm->read = inode_read;
	bprm->source = inode;
	exec_mapping(inode, path, &bprm->file, &bprm->mapping);
}

/* do_execve — the common path of execve(2) and of the kernel's own
 * execs; source is an open inode, or an image when inode is NULL. */
static int do_execve(struct linux_binprm *bprm, struct user_arg_ptr argv,
		     struct user_arg_ptr envp)
{
	int err = bprm_mm_init(bprm);

	bprm->argc = err ? 0 : count_strings(argv);
	bprm->envc = err ? 0 : count_strings(envp);
	err = err ?: bprm->argc < 0 ? bprm->argc : bprm->envc < 0 ?
	      bprm->envc : 0;
	err = err ?: copy_string_kernel(bprm, bprm->filename);
	bprm->exec = bprm->p;
	err = err ?: copy_strings(bprm, bprm->envc, envp);
	err = err ?: copy_strings(bprm, bprm->argc, argv);
	err = err ?: exec_binprm(bprm);
	if (bprm->mm)
		mmput(bprm->mm);
	bprm_put_file(bprm);
	return err;
}

/* kernel_execve_image — exec an ELF image that is in kernel memory, with
 * kernel argv/envp (self-tests run before a disk may exist). */
int kernel_execve_image(const char *name, const void *img, u32 size,
			const char *const *argv, const char *const *envp)
{
	struct linux_binprm bprm = { .filename = name, .read = image_read,
				     .source = img, .source_size = size };

	return do_execve(&bprm, (struct user_arg_ptr){ true, argv },
			 (struct user_arg_ptr){ true, envp });
}

/* kernel_execve — exec a file with kernel argv/envp: how pid 1 becomes
 * /sbin/init (Linux run_init_process). */
int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm bprm = { .filename = path };
	struct inode *inode;
	int err = open_exec(path, &inode);

	if (err)
		return err;
	bprm_set_file(&bprm, inode, path);
	return do_execve(&bprm, (struct user_arg_ptr){ true, argv },
			 (struct user_arg_ptr){ true, envp });
}

long sys_execve(const char *ufilename, const char *const *uargv,
		const char *const *uenvp)
{
	struct linux_binprm bprm = { 0 };
	struct inode *inode;
	char *path;
	int err = getname(ufilename, &path);

	if (err)
		return err;
	err = open_exec(path, &inode);
	if (!err) {
		bprm.filename = path;
		bprm_set_file(&bprm, inode, path);
		err = do_execve(&bprm, (struct user_arg_ptr){ false, uargv },
				(struct user_arg_ptr){ false, uenvp });
	}
	putname(path);
	return err;
}
