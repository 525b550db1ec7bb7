/* tests/guest/t_exec.c — execve: argv, envp and the auxiliary vector as
 * the new program sees them, "#!" scripts, close-on-exec, and the
 * errors (ENOENT, EACCES, ENOEXEC, E2BIG, EFAULT). The program execs
 * itself (argv[0]) in a helper mode and reports what it found.
 * try: /tests/t_exec */
#include <errno.h>
#include <fcntl.h>
#include <linux/auxvec.h>
#include <linux/elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

extern char _start[];
extern const Elf32_Ehdr __ehdr_start;	/* the linker's: our own ELF header */
static const char *self;
static char **volatile bad_argv = (char **)16;	/* hidden from -Wstringop */

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* auxv — the value for key in the vector after envp, or -1. */
static unsigned long auxv(char **envp, unsigned long key)
{
	while (*envp)
		envp++;
	for (unsigned long *a = (unsigned long *)(envp + 1); a[0]; a += 2)
		if (a[0] == key)
			return a[1];
	return -1;
}

/* show — the helper mode: what exec handed over. */
/* has_interp — is this program dynamically linked (a PT_INTERP)? */
static int has_interp(char **envp)
{
	const Elf32_Phdr *ph = (const Elf32_Phdr *)auxv(envp, AT_PHDR);

	for (unsigned long i = 0; i < auxv(envp, AT_PHNUM); i++)
		if (ph[i].p_type == PT_INTERP)
			return 1;
	return 0;
}

static int show(int argc, char **argv, char **envp)
{
	printf("child: argc %d:", argc);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\nchild: T_EXEC_VAR=%s\n", getenv("T_EXEC_VAR") ?: "(unset)");
	printf("child: AT_PAGESZ %lu AT_PHENT %lu AT_CLKTCK %lu AT_SECURE %lu\n",
	       auxv(envp, AT_PAGESZ), auxv(envp, AT_PHENT),
	       auxv(envp, AT_CLKTCK), auxv(envp, AT_SECURE));
	printf("child: AT_ENTRY is _start: %s\n",
	       auxv(envp, AT_ENTRY) == (unsigned long)_start ? "yes" : "no");
	printf("child: AT_PHNUM matches the header: %s\n",
	       auxv(envp, AT_PHNUM) == __ehdr_start.e_phnum ? "yes" : "no");
	printf("child: AT_PHDR points at the headers: %s\n",
	       auxv(envp, AT_PHDR) == (unsigned long)&__ehdr_start +
	       __ehdr_start.e_phoff ? "yes" : "no");
	printf("child: AT_BASE is set exactly when there is a PT_INTERP: %s\n",
	       !auxv(envp, AT_BASE) == !has_interp(envp) ? "yes" : "no");
	printf("child: AT_EXECFN is the path: %s\n",
	       !strcmp((char *)auxv(envp, AT_EXECFN), argv[0]) ? "yes" : "no");
	printf("child: AT_RANDOM is on the stack: %s\n",
	       auxv(envp, AT_RANDOM) > (unsigned long)&argc ? "yes" : "no");
	printf("child: AT_UID %lu is getuid()\n", auxv(envp, AT_UID) - getuid());
	return 0;
}

static int script_mode(int argc, char **argv)
{
	printf("script: argc %d: [%s] [%s] [%s] [%s]\n", argc, base(argv[0]),
	       argv[1], base(argv[2]), argc > 3 ? argv[3] : "");
	return 0;
}

static int fd_mode(void)
{
	printf("fds: 5 %s, 6 %s\n", fcntl(5, F_GETFD) >= 0 ? "open" : "closed",
	       fcntl(6, F_GETFD) >= 0 ? "open" : "closed");
	return 0;
}

/* run — fork, exec path with argv, wait; the child's exit status. */
static int run(const char *path, char *const argv[], char *const envp[])
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execve(path, argv, envp);
		printf("exec failed: %s\n", strerror(errno));
		_exit(99);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int make_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	int ok = fd >= 0 && write(fd, text, strlen(text)) >= 0;

	close(fd);
	return ok && chmod(path, mode) == 0;
}

static void test_errors(void)
{
	char *argv[] = { "x", NULL }, *big = malloc(200 * 1024 + 1);

	check(execve("/no/such/file", argv, NULL) < 0 && errno == ENOENT,
	      "a missing file: ENOENT");
	make_file("t_exec.noexec", "#!/bin/sh\n", 0644);
	check(execve("t_exec.noexec", argv, NULL) < 0 && errno == EACCES,
	      "a file without execute permission: EACCES");
	check(execve(".", argv, NULL) < 0 && errno == EACCES,
	      "a directory: EACCES");
	make_file("t_exec.garbage", "this is not a program\n", 0755);
	check(execve("t_exec.garbage", argv, NULL) < 0 && errno == ENOEXEC,
	      "neither ELF nor #!: ENOEXEC");
	memset(big, 'x', 200 * 1024);
	big[200 * 1024] = '\0';
	argv[0] = big;
	check(execve(self, argv, NULL) < 0 && errno == E2BIG,
	      "one argument over 128 KiB: E2BIG");
	check(execve(self, bad_argv, NULL) < 0 && errno == EFAULT,
	      "a bad argv pointer: EFAULT");
	free(big);
	unlink("t_exec.noexec");
	unlink("t_exec.garbage");
}

static void test_script(void)
{
	char line[512];
	char *argv[] = { "./t_exec.script", "a1", NULL };

	snprintf(line, sizeof(line), "#!%s  script-mode  \n", self);
	make_file("t_exec.script", line, 0755);
	check(run(argv[0], argv, NULL) == 0, "a #! script runs its interpreter");
	unlink("t_exec.script");
}

int main(int argc, char **argv, char **envp)
{
	char *args[] = { (char *)0, "show", "two words", "", "last", NULL };
	char *env[] = { "T_EXEC_VAR=from parent", "OTHER=1", NULL };
	char *fdargs[] = { (char *)0, "fds", NULL };

	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "show"))
		return show(argc, argv, envp);
	if (argc > 1 && !strcmp(argv[1], "script-mode"))
		return script_mode(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "fds"))
		return fd_mode();
	args[0] = fdargs[0] = (char *)self;
	check(run(self, args, env) == 0, "exec with argv and envp");
	dup2(1, 5);
	dup2(1, 6);
	fcntl(6, F_SETFD, FD_CLOEXEC);
	check(run(self, fdargs, env) == 0, "exec keeps fd 5 and closes FD_CLOEXEC fd 6");
	close(5);
	close(6);
	test_script();
	test_errors();
	printf("t_exec: %d failed\n", failures);
	return failures != 0;
}
