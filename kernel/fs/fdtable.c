/* kernel/fs/fdtable.c — the descriptor table and the fs_struct; Linux
 * fs/file.c (dup_fd, alloc_fd, fd_install, close_fd) and fs/fs_struct.c.
 * Both are reference counted: fork copies them, clone(CLONE_FILES or
 * CLONE_FS) shares them, and the last put frees them. */
#include "fdtable.h"
#include "../lib/objstat.h"
#include "../lib/string.h"
#include "../mm/kmalloc.h"
#include "../task/signal.h"
#include <asm/errno.h>

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));
	struct file **fd = kzalloc(NR_OPEN_DEFAULT * sizeof(struct file *));

	if (!files || !fd) {
		kfree(files);
		kfree(fd);
		return NULL;
	}
	kobj_new(KOBJ_FILES);
	files->fd = fd;
	files->count = 1;
	files->id = next_object_id();
	return files;
}

/* dup_fd — fork's copy: the same open files, one more reference each. */
struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = alloc_files();

	if (!files)
		return NULL;
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (old->fd[i])
			files->fd[i] = get_file(old->fd[i]);
	memcpy(files->close_on_exec, old->close_on_exec,
	       sizeof(files->close_on_exec));
	return files;
}

void get_files_struct(struct files_struct *files)
{
	files->count++;
}

/* filp_close — a descriptor of table `files` lets f go: the table's
 * POSIX locks on the file go with it (kernel/fs/locks.c). */
static void filp_close(struct file *f, struct files_struct *files)
{
	locks_remove_posix(f, files);
	fput(f);
}

void put_files_struct(struct files_struct *files)
{
	if (--files->count > 0)
		return;
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (files->fd[i])
			filp_close(files->fd[i], files);
	kfree(files->fd);
	kobj_del(KOBJ_FILES);
	kfree(files);
}

/* fcheck — the file in slot fd, no reference taken: only for the table's
 * own bookkeeping (close, replace, "is it open"), which cannot sleep. */
static struct file *fcheck(unsigned int fd)
{
	struct files_struct *files = current->files;

	return files && fd < NR_OPEN_DEFAULT ? files->fd[fd] : NULL;
}

/* fget — the file open on fd, with a reference of the caller's own, or
 * NULL. A system call holds it for as long as it uses the file, and
 * drops it with fput: a sibling sharing the table (CLONE_FILES) may close
 * fd meanwhile, and the file (a pipe's buffer, say) must outlive every
 * call still sleeping in it. The last fput, not close, releases it. */
struct file *fget(unsigned int fd)
{
	struct file *f = fcheck(fd);

	return f ? get_file(f) : NULL;
}

/* fd_is_open — whether fd names an open file (no reference kept). */
bool fd_is_open(unsigned int fd)
{
	return fcheck(fd) != NULL;
}

/* fd_limit — descriptors must stay below RLIMIT_NOFILE (and the table). */
unsigned int fd_limit(void)
{
	unsigned long limit = rlimit(RLIMIT_NOFILE);

	return limit < NR_OPEN_DEFAULT ? limit : NR_OPEN_DEFAULT;
}

/* get_unused_fd — the lowest free descriptor >= from, or -EMFILE. */
int get_unused_fd(unsigned int from)
{
	struct files_struct *files = current->files;
	unsigned int limit = fd_limit();

	for (unsigned int fd = from; fd < limit; fd++)
		if (!files->fd[fd])
			return fd;
	return -EMFILE;
}

void set_cloexec(unsigned int fd, bool on)
{
	u32 *word = &current->files->close_on_exec[fd / 32];

	*word = on ? *word | (1u << (fd % 32)) : *word & ~(1u << (fd % 32));
}

bool fd_cloexec(unsigned int fd)
{
	return current->files->close_on_exec[fd / 32] & (1u << (fd % 32));
}

void fd_install(unsigned int fd, struct file *f, bool cloexec)
{
	current->files->fd[fd] = f;
	set_cloexec(fd, cloexec);
}

/* replace_fd — slot fd gets f (and the caller's reference to it); the
 * file it held is closed (dup2, Linux do_dup2). */
void replace_fd(unsigned int fd, struct file *f, bool cloexec)
{
	struct file *old = fcheck(fd);

	fd_install(fd, f, cloexec);
	if (old)
		filp_close(old, current->files);
}

int close_fd(unsigned int fd)
{
	struct file *f = fcheck(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	set_cloexec(fd, false);
	filp_close(f, current->files);
	return 0;
}

/* do_close_on_exec — execve closes every FD_CLOEXEC descriptor. */
void do_close_on_exec(struct files_struct *files)
{
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (files->fd[i] && (files->close_on_exec[i / 32] &
				     (1u << (i % 32)))) {
			filp_close(files->fd[i], files);
			files->fd[i] = NULL;
		}
	memset(files->close_on_exec, 0, sizeof(files->close_on_exec));
}

struct fs_struct *alloc_fs_struct(struct inode *root)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs));

	if (fs) {
		kobj_new(KOBJ_FS);
		fs->users = 1;
		fs->id = next_object_id();
		fs->umask = 022;
		fs->root = igrab(root);
		fs->pwd = igrab(root);
	}
	return fs;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = alloc_fs_struct(old->root);

	if (fs) {
		fs->umask = old->umask;
		set_fs_pwd(fs, old->pwd);
	}
	return fs;
}

void get_fs_struct(struct fs_struct *fs)
{
	fs->users++;
}

void put_fs_struct(struct fs_struct *fs)
{
	if (--fs->users > 0)
		return;
	iput(fs->root);
	iput(fs->pwd);
	kobj_del(KOBJ_FS);
	kfree(fs);
}

void set_fs_pwd(struct fs_struct *fs, struct inode *dir)
{
	struct inode *old = fs->pwd;

	fs->pwd = igrab(dir);
	iput(old);
}

/* set_fs_root — chroot: every task sharing fs (CLONE_FS) moves with it. */
void set_fs_root(struct fs_struct *fs, struct inode *dir)
{
	struct inode *old = fs->root;

	fs->root = igrab(dir);
	iput(old);
}
