/* kernel/lib/cmdline.h — kernel command line options, parsed in one place. */
#ifndef CLONIX_CMDLINE_H
#define CLONIX_CMDLINE_H

#include "kernel.h"

#define CMDLINE_MAX	256

#define INIT_ARGS_MAX	16

struct kernel_params {
	char init[64];		/* init=: the first user program */
	char test[128];		/* test=: in-kernel self-tests to run */
	unsigned long threads_max; /* threads_max=: the task limit, or 0 */
	/* dirty_expire=: seconds a buffer stays dirty before the flusher
	 * writes it (default 5; 0: never, only sync and eviction write) */
	unsigned long dirty_expire;
	/* maxcpus=: start at most this many CPUs (1: the boot CPU alone,
	 * with its APIC; 0: no APIC, as a uniprocessor) */
	unsigned long maxcpus;
	/* words after "--": init's argv[1..], as on Linux */
	char init_args[CMDLINE_MAX];
	const char *init_argv[INIT_ARGS_MAX + 2];
};

extern struct kernel_params kparams;
extern char boot_command_line[CMDLINE_MAX];

void cmdline_save(const char *s);
void cmdline_parse(void);

#endif
