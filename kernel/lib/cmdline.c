/* kernel/lib/cmdline.c — the kernel command line; Linux init/main.c
 * (parse_args, __setup) in one table. The loader's string starts with the
 * kernel's path (GRUB and QEMU -kernel both put it there); after it come
 * options "name=value" separated by spaces:
 *	init=/sbin/init		the first user program
 *	trace=boot,mm		trace channels to turn on ("all" for every one)
 *	test=mm,kmalloc		run in-kernel self-tests, then power off
 *	threads_max=N		the system-wide task limit (default: by RAM)
 *	maxcpus=N		start at most N CPUs (0: no APIC, one CPU)
 *	-- prog args		everything after "--" is init's argv[1..]
 * An unknown option or channel is reported and ignored. */
#include "cmdline.h"
#include "printk.h"
#include "string.h"
#include "trace.h"
#include "../task/sched.h"

struct kernel_params kparams = { .init = "/sbin/init", .dirty_expire = 5,
				 .maxcpus = ~0ul };
char boot_command_line[CMDLINE_MAX];
u32 trace_mask;

/* trace_current — the running task's own channels (/proc/PID/trace) */
u32 trace_current(void)
{
	return current->trace_mask;
}

static const struct {
	const char *name;
	u32 bit;
} trace_channels[] = {
	{ "boot", TRACE_boot },
	{ "mm", TRACE_mm },
	{ "cow", TRACE_cow },
	{ "syscall", TRACE_syscall },
	{ "fault", TRACE_fault },
	{ "clone", TRACE_clone },
	{ "exit", TRACE_exit },
	{ "wait", TRACE_wait },
	{ "acct", TRACE_acct },
	{ "sync", TRACE_sync },
	{ "cache", TRACE_cache },
	{ "tlb", TRACE_tlb },
};

/* cmdline_save — copy the loader's string before its memory is reused. */
void cmdline_save(const char *s)
{
	strlcpy(boot_command_line, s, sizeof(boot_command_line));
}

/* trace_channel — the bit of the channel named w[0..n), ~0 for "all",
 * 0 for no such channel. */
static u32 trace_channel(const char *w, size_t n)
{
	if (n == 3 && !strncmp(w, "all", 3))
		return ~0u;
	for (size_t i = 0; i < ARRAY_SIZE(trace_channels); i++)
		if (strlen(trace_channels[i].name) == n &&
		    !strncmp(trace_channels[i].name, w, n))
			return trace_channels[i].bit;
	return 0;
}

static void set_trace_word(const char *w, size_t n)
{
	u32 bit = trace_channel(w, n);

	if (!bit)
		printk("cmdline: unknown trace channel '%.*s' ignored\n",
		       (int)n, w);
	trace_mask |= bit;
}

/* trace_parse — the channels of a list ("cow,clone", "cow clone",
 * "none" or "" for none) as a mask; -1 if a name is unknown. */
long trace_parse(const char *list)
{
	u32 mask = 0;

	while (*list) {
		size_t n = 0;
		u32 bit;

		while (list[n] && list[n] != ',' && list[n] != ' ' &&
		       list[n] != '\n')
			n++;
		bit = n ? trace_channel(list, n) : 0;

		if (n && !bit && !(n == 4 && !strncmp(list, "none", 4)))
			return -1;
		mask |= bit;
		list += n + (list[n] != '\0');
	}
	return mask;
}

/* trace_names — the channels of mask by name, one line ("none" if none) */
int trace_names(u32 mask, char *buf, int size)
{
	int n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(trace_channels); i++)
		if (mask & trace_channels[i].bit)
			n += snprintf(buf + n, size - n, "%s%s", n ? " " : "",
				      trace_channels[i].name);
	return n + snprintf(buf + n, size - n, "%s\n", n ? "" : "none");
}

static void set_trace(const char *v)
{
	for_each_item(v, set_trace_word);
}

static void set_init(const char *v)
{
	strlcpy(kparams.init, v, sizeof(kparams.init));
}

static void set_test(const char *v)
{
	strlcpy(kparams.test, v, sizeof(kparams.test));
}

static unsigned long number(const char *v)
{
	unsigned long n = 0;

	while (*v >= '0' && *v <= '9' && n < 1000000)
		n = n * 10 + (*v++ - '0');
	return n;
}

static void set_threads_max(const char *v)
{
	kparams.threads_max = number(v);
}

static void set_dirty_expire(const char *v)
{
	kparams.dirty_expire = number(v);
}

static void set_maxcpus(const char *v)
{
	kparams.maxcpus = number(v);
}

static const struct {
	const char *name;
	void (*set)(const char *value);
} options[] = {
	{ "init", set_init },
	{ "trace", set_trace },
	{ "test", set_test },
	{ "threads_max", set_threads_max },
	{ "dirty_expire", set_dirty_expire },
	{ "maxcpus", set_maxcpus },
};

static void parse_option(char *word)
{
	char *eq = strchr(word, '=');

	if (eq) {
		*eq = '\0';
		for (size_t i = 0; i < ARRAY_SIZE(options); i++)
			if (!strcmp(options[i].name, word)) {
				options[i].set(eq + 1);
				return;
			}
		*eq = '=';
	}
	printk("cmdline: unknown option '%s' ignored\n", word);
}

static bool is_image_path(const char *word)
{
	return strchr(word, '/') && !strchr(word, '=');
}

/* next_word — split off the next space-separated word (NUL-ending it). */
static char *next_word(char **p)
{
	char *word;

	while (**p == ' ')
		(*p)++;
	word = *p;
	while (**p && **p != ' ')
		(*p)++;
	if (**p)
		*(*p)++ = '\0';
	return word;
}

/* cmdline_parse — split a copy of the line at spaces; after "--" the
 * words are kept for init. */
void cmdline_parse(void)
{
	char buf[CMDLINE_MAX];
	char *p = buf, *word;
	int n = 1;

	strlcpy(buf, boot_command_line, sizeof(buf));
	while (*(word = next_word(&p))) {
		if (!strcmp(word, "--"))
			break;
		if (!is_image_path(word))
			parse_option(word);
	}
	strlcpy(kparams.init_args, p, sizeof(kparams.init_args));
	p = kparams.init_args;
	while (n <= INIT_ARGS_MAX && *(word = next_word(&p)))
		kparams.init_argv[n++] = word;
	kparams.init_argv[n] = NULL;
}
