/* kernel/test/test_user.c — test=user: the first user program. A child
 * of kernel_init execs tests/guest/t_basic from an image in the kernel;
 * the program prints its own TAP lines, and kernel_init reaps it and
 * checks the wait status. tests/host/test_user.py compares the program's
 * lines with the same binary run on the host Linux. */
#include "selftest.h"
#include "../fs/binfmts.h"
#include "../lib/printk.h"
#include "../task/sched.h"

extern const char t_basic_image[], t_basic_image_end[];
long kernel_wait4(pid_t pid, int *status);

static int exec_t_basic(void *arg __unused)
{
	static const char *const argv[] = { "/tests/t_basic", NULL };
	static const char *const envp[] = { "HOME=/", "PATH=/bin", NULL };

	return kernel_execve_image(argv[0], t_basic_image,
				   t_basic_image_end - t_basic_image, argv,
				   envp);
}

void test_user(void)
{
	long pid = kernel_thread(exec_t_basic, NULL, "t_basic");
	int status = -1;

	if (!check(pid > 0, "user: a task for t_basic"))
		return;
	pid = kernel_wait4(pid, &status);
	check(pid > 0, "user: kernel_init reaped t_basic (%ld)", pid);
	check(status == 0, "user: t_basic exited with status 0 (0x%x)",
	      status);
}
