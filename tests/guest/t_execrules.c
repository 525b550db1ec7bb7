/* tests/guest/t_execrules.c — execve's split between errors and signals,
 * compared with Linux: what is wrong with the ELF header or PT_INTERP is
 * an error the old program sees; what is wrong with a segment is found
 * past the point of no return and kills the process (SIGSEGV, or SIGBUS
 * for file bytes the file does not have). And the argument space: a
 * quarter of the stack limit for strings and pointers, each string at
 * most 128 KiB.
 * try: /tests/t_execrules */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define BASE		0x08048000u
#define CODE_OFF	0x100
#define FILE_SIZE	0x200
#define PT_LOAD		1
#define PT_INTERP	3

static char elf_path[64];
static const char *self;

struct ehdr {
	unsigned char ident[16];
	unsigned short type, machine;
	unsigned int version, entry, phoff, shoff, flags;
	unsigned short ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	unsigned int type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

/* mov $1,%eax; mov $7,%ebx; int $0x80 — and, first, a read of the
 * second segment's page (mov 0x08060000,%eax) when touch is set */
static const unsigned char exit7[] = { 0xb8, 1, 0, 0, 0, 0xbb, 7, 0, 0, 0,
				       0xcd, 0x80 };
static const unsigned char touch2[] = { 0xa1, 0x00, 0x00, 0x06, 0x08 };

/* write_elf — a one-segment program that exits 7; phdr[1] (if given) is
 * a second program header; interp, if given, is stored at 0x180. */
static void write_elf(const struct phdr *second, const char *interp,
		      unsigned int interp_len, int touch)
{
	static unsigned char img[FILE_SIZE];
	struct ehdr *e = (struct ehdr *)img;
	struct phdr *ph = (struct phdr *)(img + sizeof(*e));
	unsigned char *code = img + CODE_OFF;
	int fd;

	memset(img, 0, sizeof(img));
	memcpy(e->ident, "\177ELF\1\1\1", 7);
	e->type = 2;
	e->machine = 3;
	e->version = 1;
	e->entry = BASE + CODE_OFF;
	e->phoff = sizeof(*e);
	e->ehsize = sizeof(*e);
	e->phentsize = sizeof(*ph);
	e->phnum = second ? 2 : 1;
	ph[0] = (struct phdr){ PT_LOAD, 0, BASE, BASE, FILE_SIZE, FILE_SIZE,
			       5, 0x1000 };
	if (second)
		ph[1] = *second;
	if (touch) {
		memcpy(code, touch2, sizeof(touch2));
		code += sizeof(touch2);
	}
	memcpy(code, exit7, sizeof(exit7));
	if (interp)
		memcpy(img + 0x180, interp, interp_len);
	fd = open(elf_path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, img, sizeof(img));
	close(fd);
}

/* exec_how — execve in a child: "errno NAME", "exit N" or "signal N". */
static const char *exec_how(const char *path, char **argv)
{
	static char how[32];
	char *envp[] = { NULL };
	int st, err[2];
	pid_t pid;

	pipe(err);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct rlimit stack = { 8 << 20, 8 << 20 };

		setrlimit(RLIMIT_STACK, &stack);	/* the host's may differ */
		close(err[0]);
		fcntl(err[1], F_SETFD, FD_CLOEXEC);
		execve(path, argv, envp);
		write(err[1], &errno, sizeof(errno));
		_exit(127);
	}
	close(err[1]);
	if (read(err[0], &st, sizeof(st)) == sizeof(st)) {
		snprintf(how, sizeof(how), "errno %s",
			 st == ENOENT ? "ENOENT" : st == ENOEXEC ? "ENOEXEC" :
			 st == ELIBBAD ? "ELIBBAD" : st == EACCES ? "EACCES" :
			 st == E2BIG ? "E2BIG" : st == EIO ? "EIO" : "other");
		waitpid(pid, NULL, 0);
	} else {
		waitpid(pid, &st, 0);
		snprintf(how, sizeof(how), WIFEXITED(st) ? "exit %d" :
			 "signal %d", WIFEXITED(st) ? WEXITSTATUS(st) :
			 WTERMSIG(st));
	}
	close(err[0]);
	return how;
}

static int elf_gives(const char *want)
{
	char *argv[] = { elf_path, NULL };

	return !strcmp(exec_how(elf_path, argv), want);
}

static void test_segments(void)
{
	struct phdr big = { PT_LOAD, 0, BASE + 0x10000, 0, 0x2000, 0x1000, 6,
			    0x1000 };
	struct phdr past_eof = { PT_LOAD, 0x10000, 0x08060000, 0, 0x1000,
				 0x1000, 6, 0x1000 };
	struct phdr top = { PT_LOAD, 0, 0xfffff000, 0, 0, 0x2000, 6, 0x1000 };

	write_elf(NULL, NULL, 0, 0);
	check(elf_gives("exit 7"), "a well-formed program runs (exit 7)");
	write_elf(&big, NULL, 0, 0);
	check(elf_gives("signal 11"), "a segment with p_filesz > p_memsz: "
	      "killed by SIGSEGV past the point of no return");
	write_elf(&top, NULL, 0, 0);
	check(elf_gives("signal 11"), "a segment past the top of user "
	      "space: SIGSEGV");
	write_elf(&past_eof, NULL, 0, 1);
	check(elf_gives("signal 7"), "a segment whose bytes lie past the "
	      "file's end, then touched: SIGBUS");
}

static void test_headers(void)
{
	static const char missing[] = "/nonexistent/ld-linux.so.2";
	struct phdr interp = { PT_INTERP, 0x180, 0, 0, sizeof(missing), 0, 4,
			       1 };

	write_elf(&interp, missing, sizeof(missing), 0);
	check(elf_gives("errno ENOENT"), "PT_INTERP names a missing "
	      "interpreter: ENOENT");
	{
		char notelf[80];
		int fd;

		snprintf(notelf, sizeof(notelf), "%s.interp", elf_path);
		fd = open(notelf, O_WRONLY | O_CREAT | O_TRUNC, 0755);
		for (int i = 0; i < 4; i++)	/* longer than an ELF header */
			write(fd, "not an ELF file, but executable\n", 32);
		close(fd);
		interp.filesz = strlen(notelf) + 1;
		write_elf(&interp, notelf, interp.filesz, 0);
		check(elf_gives("errno ELIBBAD"), "PT_INTERP names a file that "
		      "is not ELF: ELIBBAD");
		unlink(notelf);
	}
	interp.filesz = sizeof("/tmp");
	write_elf(&interp, "/tmp", interp.filesz, 0);
	check(elf_gives("errno EACCES"), "PT_INTERP names a directory: "
	      "EACCES");
	interp.filesz = 1;
	write_elf(&interp, "", 1, 0);
	check(elf_gives("errno ENOEXEC"), "PT_INTERP of one byte: ENOEXEC");
	interp.filesz = 8;
	write_elf(&interp, "/bin/shX", 8, 0);
	check(elf_gives("errno ENOEXEC"), "PT_INTERP without its NUL: "
	      "ENOEXEC");
	write_elf(NULL, NULL, 0, 0);
	{
		int fd = open(elf_path, O_WRONLY);
		unsigned short zero = 0;

		lseek(fd, 44, SEEK_SET);	/* e_phnum */
		write(fd, &zero, sizeof(zero));
		close(fd);
	}
	check(elf_gives("errno ENOEXEC"), "no program headers: ENOEXEC");
}

/* exec_self — argv[0] = this program, then n copies of s */
static const char *exec_self(int n, const char *s)
{
	char **argv = malloc((n + 2) * sizeof(char *));
	const char *how;

	argv[0] = (char *)self;
	for (int i = 1; i <= n; i++)
		argv[i] = (char *)s;
	argv[n + 1] = NULL;
	how = exec_how(self, argv);
	free(argv);
	return how;
}

static void test_arg_space(void)
{
	char *s = malloc(131073);

	check(!strcmp(exec_self(200000, ""), "exit 42"),
	      "200000 empty arguments fit (a quarter of an 8 MiB stack)");
	check(!strcmp(exec_self(600000, ""), "errno E2BIG"),
	      "600000 empty arguments (2.4 MiB of pointers): E2BIG");
	memset(s, 'a', 131071);
	s[131071] = 0;
	check(!strcmp(exec_self(1000, s), "errno E2BIG"),
	      "a thousand strings of 128 KiB: E2BIG");
	check(!strcmp(exec_self(1, s), "exit 42"),
	      "one string of 128 KiB with its NUL is allowed");
	s[131071] = 'a';
	s[131072] = 0;
	{
		char *argv[] = { (char *)self, s, NULL };

		check(!strcmp(exec_how(self, argv), "errno E2BIG"),
		      "one string of 128 KiB + 1 with its NUL: E2BIG");
	}
	free(s);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return 42;	/* exec_self's re-exec */
	self = argv[0];
	snprintf(elf_path, sizeof(elf_path), "/tmp/t_execrules.%d", getpid());
	test_segments();
	test_headers();
	test_arg_space();
	unlink(elf_path);
	printf("t_execrules: %d failed\n", failures);
	return failures != 0;
}
