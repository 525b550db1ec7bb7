/* kernel/syscall/syscalls.h — the prototype of every system call in
 * kernel/syscall/syscall_32.tbl (Linux include/linux/syscalls.h), by the
 * file that defines it. The generated table (build/syscall_table.c)
 * includes this header, and tools/syscalltbl.py refuses a table entry
 * without a prototype here; each defining file includes it too, so the
 * compiler checks that a definition and its prototype agree. */
#ifndef CLONIX_SYSCALLS_H
#define CLONIX_SYSCALLS_H

#include "../lib/kernel.h"
#include <asm/siginfo.h>

struct iovec;
struct itimerval;
struct k_sigaction;
struct new_utsname;
struct rlimit;
struct rlimit64;
struct rusage;
struct sigaltstack;
struct stat64;
struct statx;
struct sysinfo;
struct task_share;
struct timespec;
struct timeval;
struct tms;

/* kernel/cpu/signal_frame.c */
struct statfs32;
struct statfs64;

long sys_rt_sigreturn(void);
long sys_sigaltstack(const struct sigaltstack *uss,
		     struct sigaltstack *uoss);
long sys_sigreturn(void);

/* kernel/cpu/tls.c */
long sys_get_thread_area(void *u_info);
long sys_set_thread_area(const void *u_info);

/* kernel/drivers/random.c */
long sys_getrandom(u8 *ubuf, u32 count, u32 flags);

/* kernel/fs/attr.c */
long sys_chown(const char *upath, u32 uid, u32 gid);
long sys_chown16(const char *upath, u32 uid, u32 gid);
long sys_fchown(unsigned int fd, u32 uid, u32 gid);
long sys_fchown16(unsigned int fd, u32 uid, u32 gid);
long sys_fchownat(int dfd, const char *upath, u32 uid, u32 gid, int flag);
long sys_lchown(const char *upath, u32 uid, u32 gid);
long sys_lchown16(const char *upath, u32 uid, u32 gid);

/* kernel/fs/dirops.c */
long sys_getcwd(char *ubuf, u32 size);
long sys_mkdir(const char *upath, u16 mode);
long sys_symlinkat(const char *utarget, int dfd, const char *upath);
long sys_link(const char *uoldpath, const char *unewpath);
long sys_mknodat(int dfd, const char *upath, u16 mode, u32 dev);
long sys_mknod(const char *upath, u16 mode, u32 dev);
/* kernel/fs/utimes.c */
long sys_utimensat(int dfd, const char *upath, const void *utimes, int flags);
long sys_utimensat_time64(int dfd, const char *upath, const void *utimes,
			  int flags);
long sys_futimesat(int dfd, const char *upath, const s32 *utv);
long sys_utimes(const char *upath, const s32 *utv);
long sys_utime(const char *upath, const s32 *ubuf);
long sys_fchmodat(int dfd, const char *upath, u16 mode);
/* kernel/task/priority.c */
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int nice);
/* kernel/task/cred.c: supplementary groups */
long sys_getgroups32(int size, u32 *ulist);
long sys_getgroups(int size, u16 *ulist);
long sys_setgroups32(int size, const u32 *ulist);
long sys_setgroups(int size, const u16 *ulist);
/* kernel/fs/locks.c */
long sys_flock(unsigned int fd, unsigned int op);
long sys_linkat(int olddfd, const char *uoldpath, int newdfd,
		const char *unewpath, int flags);
long sys_symlink(const char *utarget, const char *upath);
long sys_statfs(const char *upath, struct statfs32 *ubuf);
long sys_fstatfs(unsigned int fd, struct statfs32 *ubuf);
long sys_statfs64(const char *upath, u32 size, struct statfs64 *ubuf);
long sys_fstatfs64(unsigned int fd, u32 size, struct statfs64 *ubuf);
long sys_getxattr(const char *path, const char *name, void *v, u32 size);
long sys_lgetxattr(const char *path, const char *name, void *v, u32 size);
long sys_fgetxattr(int fd, const char *name, void *v, u32 size);
long sys_listxattr(const char *path, char *list, u32 size);
long sys_llistxattr(const char *path, char *list, u32 size);
long sys_flistxattr(int fd, char *list, u32 size);
long sys_setxattr(const char *path, const char *name, const void *v,
		  u32 size, int flags);
long sys_lsetxattr(const char *path, const char *name, const void *v,
		   u32 size, int flags);
long sys_fsetxattr(int fd, const char *name, const void *v, u32 size,
		   int flags);
long sys_fadvise64_64(int fd, u32 off_lo, u32 off_hi, u32 len_lo, u32 len_hi,
		      int advice);
long sys_renameat2(int odfd, const char *uold, int ndfd, const char *unew,
		   unsigned int flags);
long sys_copy_file_range(int fd_in, loff_t *uoff_in, int fd_out,
			 loff_t *uoff_out, u32 len, unsigned int flags);
long sys_mkdirat(int dfd, const char *upath, u16 mode);
long sys_rename(const char *uold, const char *unew);
long sys_renameat(int odfd, const char *uold, int ndfd, const char *unew);
long sys_rmdir(const char *upath);
long sys_unlink(const char *upath);
long sys_unlinkat(int dfd, const char *upath, int flag);

/* kernel/fs/exec.c */
long sys_execve(const char *ufilename, const char *const *uargv,
	        const char *const *uenvp);

/* kernel/fs/fcntl.c */
long sys_dup(unsigned int oldfd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, u32 flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, u32 cmd, u32 arg);

/* kernel/fs/open.c */
long sys_access(const char *upath, int mode);
long sys_chdir(const char *upath);
long sys_chmod(const char *upath, u16 mode);
long sys_close(unsigned int fd);
long sys_creat(const char *path, u16 mode);
long sys_faccessat(int dfd, const char *upath, int mode);
long sys_fchdir(unsigned int fd);
long sys_chroot(const char *upath);
long sys_faccessat2(int dfd, const char *upath, int mode, int flags);
long sys_fchmod(unsigned int fd, u16 mode);
long sys_ftruncate(unsigned int fd, long length);
long sys_ftruncate64(unsigned int fd, u32 lo, u32 hi);
long sys_open(const char *path, u32 flags, u16 mode);
long sys_openat(int dfd, const char *path, u32 flags, u16 mode);
long sys_truncate(const char *upath, long length);
long sys_truncate64(const char *upath, u32 lo, u32 hi);
long sys_umask(int mask);

/* kernel/fs/pipe.c */
long sys_pipe(int *ufds);
long sys_pipe2(int *ufds, u32 flags);

/* kernel/fs/namespace.c */
long sys_mount(const char *udev, const char *udir, const char *utype,
	       u32 flags, const void *udata);
long sys_umount(const char *upath, int flags);
long sys_oldumount(const char *upath);

/* kernel/fs/select.c */
struct pollfd;
long sys_poll(struct pollfd *ufds, u32 nfds, int timeout_ms);
long sys_ppoll(struct pollfd *ufds, u32 nfds, void *utime, const u64 *umask,
	       u32 masksize);
long sys_ppoll_time64(struct pollfd *ufds, u32 nfds, void *utime,
		      const u64 *umask, u32 masksize);
long sys_select(int n, u32 *inp, u32 *outp, u32 *exp, s32 *utv);
long sys_old_select(const u32 *uargs);
long sys_pselect6(int n, u32 *inp, u32 *outp, u32 *exp, void *utime,
		  const u32 *usig);
long sys_pselect6_time64(int n, u32 *inp, u32 *outp, u32 *exp, void *utime,
			 const u32 *usig);

/* kernel/fs/read_write.c */
long sys_llseek(unsigned int fd, u32 hi, u32 lo, loff_t *result, int whence);
long sys_lseek(unsigned int fd, long off, int whence);
long sys_pread64(unsigned int fd, char *buf, u32 count, u32 lo, u32 hi);
long sys_pwrite64(unsigned int fd, const char *buf, u32 count, u32 lo, u32 hi);
long sys_read(unsigned int fd, char *buf, u32 count);
long sys_readv(unsigned int fd, const struct iovec *vec, u32 n);
long sys_sendfile(int out_fd, int in_fd, s32 *uoffset, u32 count);
long sys_sendfile64(int out_fd, int in_fd, loff_t *uoffset, u32 count);
long sys_write(unsigned int fd, const char *buf, u32 count);
long sys_writev(unsigned int fd, const struct iovec *vec, u32 n);

/* kernel/fs/readdir.c */
long sys_getdents64(unsigned int fd, void *ubuf, u32 count);

/* kernel/fs/stat.c */
long sys_fstat64(unsigned int fd, struct stat64 *ubuf);
long sys_fstatat64(int dfd, const char *upath, struct stat64 *ubuf, int flag);
long sys_lstat64(const char *upath, struct stat64 *ubuf);
long sys_readlink(const char *upath, char *buf, int bufsiz);
long sys_readlinkat(int dfd, const char *upath, char *buf, int bufsiz);
long sys_stat64(const char *upath, struct stat64 *ubuf);
long sys_statx(int dfd, const char *upath, int flag, u32 mask,
	       struct statx *ubuf);

/* kernel/fs/sync.c */
long sys_fdatasync(unsigned int fd);
long sys_fsync(unsigned int fd);
long sys_sync(void);

/* kernel/mm/sys_mm.c */
long sys_brk(unsigned long brk);
long sys_madvise(unsigned long start, unsigned long len, int advice);
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
	            unsigned long flags, long fd, unsigned long pgoff);
long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_msync(unsigned long start, unsigned long len, int flags);
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
long sys_old_mmap(const u32 *uargs);

/* kernel/net/socket.c */
long sys_socket(int family, int type, int protocol);
long sys_socket_fd_call(int fd);
long sys_socketcall(int call, const u32 *uargs);
long sys_socketpair(int family, int type, int protocol, int *usv);

/* kernel/task/acct.c */
long sys_acct(const char *upath);

/* kernel/task/cred.c */
long sys_getegid(void);
long sys_getegid32(void);
long sys_geteuid(void);
long sys_geteuid32(void);
long sys_getgid(void);
long sys_getgid32(void);
long sys_getresgid(u16 *r, u16 *e, u16 *s);
long sys_getresgid32(u32 *r, u32 *e, u32 *s);
long sys_getresuid(u16 *r, u16 *e, u16 *s);
long sys_getresuid32(u32 *r, u32 *e, u32 *s);
long sys_getuid(void);
long sys_getuid32(void);
long sys_setfsgid(u32 id);
long sys_setfsgid32(u32 id);
long sys_setfsuid(u32 id);
long sys_setfsuid32(u32 id);
long sys_setgid(u32 id);
long sys_setgid32(u32 gid);
long sys_setregid(u32 r, u32 e);
long sys_setregid32(u32 r, u32 e);
long sys_setresgid(u32 r, u32 e, u32 s);
long sys_setresgid32(u32 r, u32 e, u32 s);
long sys_setresuid(u32 r, u32 e, u32 s);
long sys_setresuid32(u32 r, u32 e, u32 s);
long sys_setreuid(u32 r, u32 e);
long sys_setreuid32(u32 r, u32 e);
long sys_setuid(u32 id);
long sys_setuid32(u32 uid);

/* kernel/task/exit.c */
long sys_exit(int status);
long sys_exit_group(int status);

/* kernel/task/fork.c */
long sys_clone(unsigned long flags, unsigned long stack, u32 *parent_tid,
	       const void *tls, u32 *child_tid);
long sys_clone3(const void *uargs, u32 size);
long sys_fork(void);
long sys_set_tid_address(u32 *tidptr);
long sys_vfork(void);

/* kernel/task/futex.c */
long sys_futex(u32 *uaddr, int op, u32 val, const void *uts, u32 *uaddr2,
	       u32 val3);
long sys_futex_time64(u32 *uaddr, int op, u32 val, const void *uts,
	              u32 *uaddr2, u32 val3);
long sys_get_robust_list(int pid, u32 *head_ptr, u32 *len_ptr);
long sys_set_robust_list(u32 head, u32 len);

/* kernel/task/itimer.c */
long sys_alarm(unsigned int seconds);
long sys_getitimer(int which, struct itimerval *uv);
long sys_setitimer(int which, const struct itimerval *unew,
	           struct itimerval *uold);

/* kernel/task/nanosleep.c */
long sys_clock_nanosleep(int clock, int flags, const void *ureq, void *urem);
long sys_clock_nanosleep_time64(int clock, int flags, const void *ureq,
	                        void *urem);
long sys_nanosleep(const void *ureq, void *urem);
long sys_restart_syscall(void);

/* kernel/task/prctl.c */
long sys_prctl(int option, unsigned long arg2, unsigned long arg3,
	       unsigned long arg4, unsigned long arg5);

/* kernel/task/resource.c */
long sys_getrlimit(unsigned int which, struct rlimit *ur);
long sys_prlimit64(pid_t pid, unsigned int which, const struct rlimit64 *unew,
	           struct rlimit64 *uold);
long sys_setrlimit(unsigned int which, const struct rlimit *ur);
long sys_ugetrlimit(unsigned int which, struct rlimit *ur);

/* kernel/task/sigaction.c */
long sys_rt_sigaction(int sig, const struct k_sigaction *act,
	              struct k_sigaction *oact, u32 sigsetsize);

/* kernel/task/signal_sys.c */
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_getsid(pid_t pid);
long sys_kill(pid_t pid, int sig);
long sys_pause(void);
long sys_rt_sigpending(u64 *uset, u32 size);
long sys_rt_sigprocmask(int how, const u64 *uset, u64 *uold, u32 size);
long sys_rt_sigsuspend(const u64 *umask, u32 size);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_setsid(void);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_tkill(pid_t tid, int sig);

/* kernel/task/sys.c */
long sys_getcpu(u32 *ucpu, u32 *unode, void *cache);
long sys_sched_getaffinity(pid_t pid, u32 len, u32 *umask);
long sys_sched_setaffinity(pid_t pid, u32 len, const u32 *umask);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_reboot(u32 magic1, u32 magic2, u32 cmd, void *arg);
long sys_rseq(void *rseq, u32 len, int flags, u32 sig);
long sys_sched_yield(void);
long sys_sysinfo(struct sysinfo *uinfo);
long sys_uname(struct new_utsname *uname);

/* kernel/task/task_share.c */
/* LAB syscall: begin prototype */
long sys_task_share(pid_t tid, struct task_share *ushare);
/* LAB syscall: end prototype */

/* kernel/task/time.c */
long sys_clock_getres(int clock, struct timespec *uts);
long sys_clock_getres_time64(int clock, void *uts);
long sys_clock_gettime(int clock, struct timespec *uts);
long sys_clock_gettime64(int clock, void *uts);
long sys_gettimeofday(struct timeval *utv, void *utz);
long sys_time(long *tloc);
long sys_times(struct tms *ubuf);

/* kernel/task/usage.c */
long sys_getrusage(int who, struct rusage *uru);

/* kernel/task/wait.c */
long sys_wait4(pid_t pid, int *stat_addr, int options, struct rusage *ru);
long sys_waitid(int which, pid_t id, siginfo_t *info, int options,
	        struct rusage *ru);
long sys_waitpid(pid_t pid, int *stat_addr, int options);

#endif
