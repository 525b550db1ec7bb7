/* kernel/fs/proc/base.c — /proc/PID and /proc/PID/task/TID: Linux
 * fs/proc/base.c. The same entries twice: about a whole process (the
 * thread group, named by its leader) or about one thread (the "thread"
 * view, under task/). cmdline is read from the process's own memory;
 * exe is the path exec loaded; maps lists the areas of the address
 * space; sharing is clonix's own: which mm, files, fs, sighand and
 * signal objects the task points at, and how many share each. */
#include "internal.h"
#include "../../lib/printk.h"
#include "../../lib/string.h"
#include "../../mm/kmalloc.h"
#include "../../lib/trace.h"
#include "../../mm/mm.h"
#include "../../mm/page.h"
#include "../../mm/pgtable.h"
#include "../../task/pid.h"
#include "../../task/signal.h"
#include <asm/errno.h>

static int show_cmdline(struct task_struct *t, bool th __unused, char *buf,
			int size)
{
	struct mm_struct *mm = t->mm;

	if (!mm || mm->arg_end <= mm->arg_start)
		return 0;		/* a kernel thread, or a zombie */
	return access_remote_vm(mm, mm->arg_start, buf,
				MIN((int)(mm->arg_end - mm->arg_start), size));
}

static int show_comm(struct task_struct *t, bool th __unused, char *buf,
		     int size)
{
	return snprintf(buf, size, "%s\n", t->comm);
}

/* vma_name — what Linux calls an area with no file behind it */
static const char *vma_name(struct mm_struct *mm, struct vm_area_struct *v)
{
	if (v->vm_start <= mm->start_brk && v->vm_end >= mm->brk &&
	    mm->brk > mm->start_brk)
		return "[heap]";
	if (v->vm_flags & VM_GROWSDOWN)
		return "[stack]";
	return NULL;
}

/* show_maps — "start-end perms offset dev inode", then a name padded to
 * Linux's column: a mapped file's path (the one it was opened or exec'd
 * by), or what Linux calls an anonymous area. */
static int show_maps(struct task_struct *t, bool th __unused, char *buf,
		     int size)
{
	struct vm_area_struct *v;
	int n = 0;

	if (!t->mm)
		return 0;
	list_for_each_entry(v, &t->mm->mmap, vm_list) {
		struct inode *inode = v->vm_file ? v->vm_file->f_inode : NULL;
		const char *name = inode ? v->vm_file->f_path : vma_name(t->mm, v);
		int start = n;

		if (n >= size - 100)
			break;
		n += snprintf(buf + n, size - n, "%08lx-%08lx %c%c%c%c %08lx "
			      "%02x:%02x %u ", v->vm_start, v->vm_end,
			      v->vm_flags & VM_READ ? 'r' : '-',
			      v->vm_flags & VM_WRITE ? 'w' : '-',
			      v->vm_flags & VM_EXEC ? 'x' : '-',
			      v->vm_flags & VM_SHARED ? 's' : 'p',
			      inode ? v->vm_pgoff << PAGE_SHIFT : 0ul,
			      inode ? inode->i_sb->s_dev >> 8 : 0,
			      inode ? inode->i_sb->s_dev & 0xff : 0,
			      inode ? inode->i_ino : 0);
		if (name)
			n += snprintf(buf + n, size - n, "%*s%s\n",
				      MAX(0, 48 - (n - start)), "", name);
		else
			n += snprintf(buf + n, size - n, "\n");
	}
	return n;
}

/* in_cache — is the frame mapped at va the page cache's own page of the
 * area's file (one more user: the cache), not a private copy? */
static bool in_cache(struct vm_area_struct *v, unsigned long va,
		     struct page *page)
{
	return v->vm_mapping && v->vm_mapping->a_ops &&
	       find_page(v->vm_mapping, v->vm_pgoff +
			 ((va - v->vm_start) >> PAGE_SHIFT)) == page;
}

/* show_frames — clonix's own: every page of the address space that has a
 * frame now, "address frame users flags" (w writable, c copy-on-write,
 * s shared, f a page of a file's page cache, which is one more user):
 * two processes after a fork show the same frames, each with two users
 * (three for a program's text, which is in the cache), until one of them
 * writes (tools/picture.py draws them). */
static int show_frames(struct task_struct *t, bool th __unused, char *buf,
		       int size)
{
	struct vm_area_struct *v;
	int n = 0;

	if (!t->mm)
		return 0;
	list_for_each_entry(v, &t->mm->mmap, vm_list) {
		for (unsigned long va = v->vm_start; va < v->vm_end;
		     va += PAGE_SIZE) {
			pte_t *pte = pte_lookup(t->mm->pgd, va);
			struct page *page;

			if (n >= size - 40)
				return n;
			if (!pte || !(*pte & PTE_P))
				continue;
			page = pte_page(*pte);
			n += snprintf(buf + n, size - n, "%08lx %05lx %d %s%s%s%s\n",
				      va, page_to_pfn(page), page_ref_count(page),
				      *pte & PTE_W ? "w" : "",
				      *pte & PTE_COW ? "c" : "",
				      *pte & PTE_SHMEM ? "s" : "",
				      in_cache(v, va, page) ? "f" : "");
		}
	}
	return n;
}

/* trace — the task's own trace channels (kernel/lib/trace.h): written
 * by the trace command, inherited by what the task forks from then on */
static int show_trace(struct task_struct *t, bool th __unused, char *buf,
		      int size)
{
	return trace_names(t->trace_mask, buf, size);
}

static int store_trace(struct task_struct *t, const char *text)
{
	long mask = trace_parse(text);

	if (mask < 0)
		return -EINVAL;
	t->trace_mask = mask;	/* trace_on() reads it at once */
	return 0;
}

static int show_mountinfo(struct task_struct *t, bool th, char *buf,
			  int size);

const struct proc_entry proc_pid_entries[] = {
	{ "stat", PID_STAT, PID_DIR, S_IFREG | 0444, proc_pid_stat, NULL },
	{ "status", PID_STATUS, PID_DIR, S_IFREG | 0444, proc_pid_status, NULL },
	{ "cmdline", PID_CMDLINE, PID_DIR, S_IFREG | 0444, show_cmdline, NULL },
	{ "comm", PID_COMM, PID_DIR, S_IFREG | 0444, show_comm, NULL },
	{ "exe", PID_EXE, PID_DIR, S_IFLNK | 0777, NULL, NULL },
	{ "maps", PID_MAPS, PID_DIR, S_IFREG | 0444, show_maps, NULL },
	{ "sharing", PID_SHARING, PID_DIR, S_IFREG | 0444, proc_pid_sharing,
	  NULL },
	{ "trace", PID_TRACE, PID_DIR, S_IFREG | 0644, show_trace, store_trace },
	{ "frames", PID_FRAMES, PID_DIR, S_IFREG | 0444, show_frames, NULL },
	{ "cwd", PID_CWD, PID_DIR, S_IFLNK | 0777, NULL, NULL },
	{ "root", PID_ROOT, PID_DIR, S_IFLNK | 0777, NULL, NULL },
	{ "mounts", PID_MOUNTS, PID_DIR, S_IFREG | 0444, show_mounts, NULL },
	{ "mountinfo", PID_MOUNTINFO, PID_DIR, S_IFREG | 0444, show_mountinfo,
	  NULL },
	{ "task", PID_TASK, PID_DIR, S_IFDIR | 0555, NULL, NULL },	/* last */
};
const int proc_pid_count = ARRAY_SIZE(proc_pid_entries);

/* entries — a thread's directory has all but task/ */
static int entries(u32 dir_ino)
{
	return ino_thread(dir_ino) ? proc_pid_count - 1 : proc_pid_count;
}

/* proc_pid_get_link — exe: the program the task's address space runs;
 * cwd and root: its directories, as paths from the reader's root. */
int proc_pid_get_link(struct inode *inode, char *buf, int size)
{
	struct task_struct *t = proc_task(inode->i_ino);
	char *path;
	int n;

	if (t && ino_kind(inode->i_ino) != PID_EXE) {
		path = task_dir_path(t, ino_kind(inode->i_ino) == PID_ROOT);
		n = path ? (int)strlcpy(buf, path, size) : -ENOENT;
		kfree(path);
		return n;
	}
	if (!t || !t->mm || !t->mm->exe_path)
		return -ENOENT;
	return strlcpy(buf, t->mm->exe_path, size);
}

/* mountinfo: the one mount table, with Linux's mount ids */
static int show_mountinfo(struct task_struct *t __unused, bool th __unused,
			  char *buf, int size)
{
	return render_mountinfo(buf, size);
}

/* proc_pid_lookup — an entry of /proc/PID, or a TID in /proc/PID/task
 * (a thread of that process only). */
int proc_pid_lookup(struct inode *dir, const char *name, u32 len,
		    struct inode **res)
{
	struct task_struct *t;
	int tid;

	if (!proc_task(dir->i_ino))
		return -ENOENT;
	if (ino_kind(dir->i_ino) != PID_TASK)
		return proc_lookup_in(proc_pid_entries, entries(dir->i_ino),
				      dir, name, len, res);
	tid = proc_parse_pid(name, len);
	t = tid > 0 ? find_task_by_vpid(tid) : NULL;
	if (!t || t->tgid != ino_id(dir->i_ino))
		return -ENOENT;
	*res = iget(dir->i_sb, proc_ino(tid, true, PID_DIR));
	return IS_ERR(*res) ? PTR_ERR(*res) : 0;
}

/* proc_pid_readdir — the entries, or for task/ the process's threads in
 * the group's order (position 2 + n is the n-th thread). */
int proc_pid_readdir(struct file *f, struct dir_context *ctx)
{
	u32 ino = f->f_inode->i_ino;
	struct task_struct *leader = proc_task(ino), *t;
	char name[12];
	int at = 2;

	if (!leader)
		return -ENOENT;
	if (ino_kind(ino) != PID_TASK) {
		proc_fill_dir(ctx, proc_pid_entries, entries(ino), ino);
		return 0;
	}
	if (!proc_fill_dir(ctx, proc_pid_entries, 0, ino))
		return 0;
	for_each_thread(leader->signal, t) {
		if (ctx->pos == at) {
			snprintf(name, sizeof(name), "%d", t->pid);
			if (!proc_emit(ctx, name, proc_ino(t->pid, true, PID_DIR),
				       2))
				return 0;
		}
		at++;
	}
	return 0;
}
