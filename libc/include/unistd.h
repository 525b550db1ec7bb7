/* unistd.h — POSIX system interfaces (the part clonix has so far). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

extern char **environ;

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4
#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

ssize_t read(int fd, void *buf, size_t count);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int chdir(const char *path);
int fchdir(int fd);
int chroot(const char *path);
char *getcwd(char *buf, size_t size);
int rmdir(const char *path);
int unlink(const char *path);
int access(const char *path, int mode);
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t readlinkat(int dfd, const char *path, char *buf, size_t size);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dfd, const char *path);
int link(const char *oldpath, const char *newpath);
int nice(int inc);
int getgroups(int size, gid_t list[]);
int chown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath,
	   int flags);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execlp(const char *file, const char *arg, ...);
void sync(void);
int fsync(int fd);
int ftruncate(int fd, off_t length);
int truncate(const char *path, off_t length);
int isatty(int fd);
unsigned int sleep(unsigned int seconds);
unsigned int alarm(unsigned int seconds);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int seteuid(uid_t euid);
int setegid(gid_t egid);
int setreuid(uid_t r, uid_t e);
int setregid(gid_t r, gid_t e);
int setresuid(uid_t r, uid_t e, uid_t s);
int setresgid(gid_t r, gid_t e, gid_t s);
int getresuid(uid_t *r, uid_t *e, uid_t *s);
int getresgid(gid_t *r, gid_t *e, gid_t *s);
int getopt(int argc, char *const argv[], const char *optstring);
int pause(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
extern char *optarg;
extern int optind, opterr, optopt;
ssize_t write(int fd, const void *buf, size_t count);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
int usleep(useconds_t usec);
pid_t fork(void);
pid_t vfork(void);
int brk(void *addr);
void *sbrk(long increment);
long syscall(long number, ...);
long sysconf(int name);
int getpagesize(void);

/* sysconf names, glibc's numbers */
#define _SC_ARG_MAX		0
#define _SC_CHILD_MAX		1
#define _SC_CLK_TCK		2
#define _SC_NGROUPS_MAX		3
#define _SC_OPEN_MAX		4
#define _SC_STREAM_MAX		5
#define _SC_TZNAME_MAX		6
#define _SC_JOB_CONTROL		7
#define _SC_SAVED_IDS		8
#define _SC_VERSION		29
#define _SC_PAGESIZE		30
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_LINE_MAX		43
#define _SC_IOV_MAX		60
#define _SC_LOGIN_NAME_MAX	71
#define _SC_TTY_NAME_MAX	72
#define _SC_THREAD_STACK_MIN	75
#define _SC_NPROCESSORS_CONF	83
#define _SC_NPROCESSORS_ONLN	84
#define _SC_PHYS_PAGES		85
#define _SC_AVPHYS_PAGES	86
#define _SC_SYMLOOP_MAX		173
#define _SC_HOST_NAME_MAX	180

#endif
