/* kernel/fs/binfmt_script.c — "#!" interpreter scripts; Linux
 * fs/binfmt_script.c. The line "#!interp [arg]" turns
 *	execve("script", [argv0, a1, ...])
 * into	execve("interp", ["interp", "arg", "script", a1, ...]):
 * argv[0] is taken off the new stack and the three strings pushed in its
 * place; everything after the interpreter's name is one argument. */
#include "binfmts.h"
#include "../lib/string.h"
#include <asm/errno.h>

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* remove_arg_zero — drop argv[0]'s string from the bottom of the stack. */
static int remove_arg_zero(struct linux_binprm *bprm)
{
	char c;

	if (!bprm->argc)
		return 0;
	do {
		struct page *page = exec_get_page(bprm->mm, bprm->p);

		if (!page)
			return -EFAULT;
		c = ((char *)page_address(page))[bprm->p & ~PAGE_MASK];
		bprm->p++;
	} while (c);
	bprm->argc--;
	return 0;
}

/* parse — split the "#!" line into interpreter and optional argument. */
static int parse(struct linux_binprm *bprm, long n, char **interp,
		 char **arg)
{
	char *line = bprm->interp, *end;

	memcpy(line, bprm->buf + 2, n - 2);
	line[n - 2] = '\0';
	end = strchr(line, '\n');
	if (!end && n == BINPRM_BUF_SIZE)
		return -ENOEXEC;	/* line too long to be sure of */
	if (end)
		*end = '\0';
	while (blank(*line))
		line++;
	*interp = line;
	while (*line && !blank(*line))
		line++;
	if (*line)
		*line++ = '\0';
	while (blank(*line))
		line++;
	for (end = line + strlen(line); end > line && blank(end[-1]); end--)
		end[-1] = '\0';
	*arg = *line ? line : NULL;
	return **interp ? 0 : -ENOEXEC;
}

int load_script(struct linux_binprm *bprm, long n)
{
	struct inode *inode;
	char *interp, *arg;
	int err = parse(bprm, n, &interp, &arg);

	err = err ?: remove_arg_zero(bprm);
	err = err ?: copy_string_kernel(bprm, bprm->filename);
	if (!err && arg)
		err = copy_string_kernel(bprm, arg);
	err = err ?: copy_string_kernel(bprm, interp);
	if (err)
		return err;
	bprm->argc += arg ? 3 : 2;
	err = open_exec(interp, &inode);
	if (!err)
		bprm_set_file(bprm, inode, interp);
	return err;
}
