/* kernel/fs/proc/root.c — /proc itself and the files about the whole
 * system: Linux fs/proc/root.c, meminfo.c, cpuinfo (arch/x86/kernel/cpu/
 * proc.c), uptime.c, loadavg.c, stat.c, mm/vmstat.c, and kernel/sysctl.c's
 * three numbers under /proc/sys/kernel. Field for field as Linux prints
 * them, with what clonix has: no swap; one line or block per CPU. */
#include "internal.h"
#include "../../cpu/x86.h"
#include "../../cpu/smp.h"
#include "../../cpu/apic.h"
#include "../../cpu/trap.h"
#include "../../lib/jiffies.h"
#include "../../lib/printk.h"
#include "../../lib/string.h"
#include "../../mm/page.h"
#include "../../mm/pagemap.h"
#include "../../drivers/ata.h"
#include "../../task/pid.h"
#include "../../task/time.h"
#include <asm/errno.h>

int show_mounts(struct task_struct *t __unused, bool th __unused,
		char *buf, int size)
{
	return render_mounts(buf, size);
}

/* show_vmstat — Linux's /proc/vmstat, the counters clonix keeps: free,
 * page-cache and dirty pages; KiB read from and written to the disk
 * (pgpgin, pgpgout: vmstat's bi and bo); no swap (pswpin, pswpout 0). */
static int show_vmstat(struct task_struct *t __unused, bool th __unused,
		       char *buf, int size)
{
	return snprintf(buf, size, "nr_free_pages %lu\nnr_file_pages %lu\n"
			"nr_dirty %lu\npgpgin %llu\npgpgout %llu\npswpin 0\n"
			"pswpout 0\n", nr_free_pages(), nr_cache_pages(),
			nr_dirty_pages(), ata_sectors(false) / 2,
			ata_sectors(true) / 2);
}

/* cpu_flags — the names Linux gives CPUID.1:EDX's bits, in bit order. */
static const char *const edx_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic",
	NULL, "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn",
	"clflush", NULL, "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss",
	"ht", "tm", "ia64", "pbe",
};

/* cpuinfo_one — one CPU's block; every CPU is the same model (CPUID
 * read here, on whichever CPU this runs). */
static int cpuinfo_one(const struct cpu *cpu, char *buf, int size)
{
	u32 a, b, c, d, max, vendor[4] = { 0 }, name[13] = { 0 };
	int n;

	cpuid(0, &max, &vendor[0], &vendor[2], &vendor[1]);
	cpuid(1, &a, &b, &c, &d);
	cpuid(0x80000000, &name[0], &name[1], &name[2], &name[3]);
	if (name[0] >= 0x80000004)
		for (u32 i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &name[4 * i], &name[4 * i + 1],
			      &name[4 * i + 2], &name[4 * i + 3]);
	else
		memset(name, 0, sizeof(name));
	n = snprintf(buf, size, "processor\t: %d\nvendor_id\t: %s\n"
		     "cpu family\t: %u\nmodel\t\t: %u\nmodel name\t: %s\n"
		     "stepping\t: %u\nphysical id\t: 0\nsiblings\t: %d\n"
		     "core id\t\t: %d\ncpu cores\t: %d\napicid\t\t: %u\n"
		     "initial apicid\t: %u\nfpu\t\t: yes\n"
		     "fpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\n"
		     "flags\t\t:", cpu->id, (char *)vendor, (a >> 8) & 0xf,
		     ((a >> 4) & 0xf) | ((a >> 12) & 0xf0), (char *)name,
		     a & 0xf, num_online_cpus, cpu->id, num_online_cpus,
		     cpu->apic_id, cpu->apic_id, max);
	for (int i = 0; i < 32 && n < size; i++)
		if ((d & (1u << i)) && edx_flags[i])
			n += snprintf(buf + n, size - n, " %s", edx_flags[i]);
	if (n < size)
		n += snprintf(buf + n, size - n, "\nbogomips\t: %lu.00\n"
			      "address sizes\t: 32 bits physical, 32 bits virtual\n"
			      "power management:\n\n", 2000ul);
	return n;
}

static int show_cpuinfo(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	int n = 0;

	for_each_online_cpu(c)
		if (n < size)
			n += cpuinfo_one(c, buf + n, size - n);
	return n;
}

/* show_interrupts — Linux's table: a column per CPU, a row per IRQ line
 * with a handler, then the local APIC's timer, reschedule and TLB
 * shootdown interrupts. */
static int show_interrupts(struct task_struct *t __unused, bool th __unused,
			   char *buf, int size)
{
	static const char *const ipi_rows[][2] = {
		[IPI_TIMER] = { "LOC", "Local timer interrupts" },
		[IPI_RESCHEDULE] = { "RES", "Rescheduling interrupts" },
		[IPI_TLB] = { "TLB", "TLB shootdowns" },
	};
	int n = snprintf(buf, size, "    ");

	for_each_online_cpu(c)
		n += snprintf(buf + n, MAX(size - n, 0), "       CPU%d", c->id);
	n += snprintf(buf + n, MAX(size - n, 0), "\n");
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		if (!irq_has_handler(irq))
			continue;
		n += snprintf(buf + n, MAX(size - n, 0), "%3u:", irq);
		for_each_online_cpu(c)
			n += snprintf(buf + n, MAX(size - n, 0), " %10lu",
				      c->irq_count[irq]);
		n += snprintf(buf + n, MAX(size - n, 0), "   %s  %u\n",
			      ioapic_routes(irq) ? "IO-APIC" : " XT-PIC", irq);
	}
	for (unsigned int i = 0; nr_cpu_ids > 1 && i < ARRAY_SIZE(ipi_rows); i++) {
		n += snprintf(buf + n, MAX(size - n, 0), "%s:", ipi_rows[i][0]);
		for_each_online_cpu(c)
			n += snprintf(buf + n, MAX(size - n, 0), " %10lu",
				      c->ipis[i]);
		n += snprintf(buf + n, MAX(size - n, 0), "   %s\n",
			      ipi_rows[i][1]);
	}
	return MIN(n, size);
}

#define KB(pages)	((pages) * (PAGE_SIZE / 1024))

static int show_meminfo(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long buffers = buffer_cache_bytes() / 1024;
	unsigned long cached = KB(nr_cache_pages());

	return snprintf(buf, size,
		"MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
		"MemAvailable:   %8lu kB\nBuffers:        %8lu kB\n"
		"Cached:         %8lu kB\nSwapCached:     %8lu kB\n"
		"SwapTotal:      %8lu kB\nSwapFree:       %8lu kB\n"
		"Dirty:          %8lu kB\nShmem:          %8lu kB\n",
		KB(total), KB(free), KB(free) + buffers + cached, buffers,
		cached, 0ul, 0ul, 0ul, KB(nr_dirty_pages()), 0ul);
}

/* show_uptime — seconds since boot, and seconds the CPU was idle. */
static int show_uptime(struct task_struct *t __unused, bool th __unused,
		       char *buf, int size)
{
	struct timespec64 up;
	u64 idle = cpustat.idle;

	clock_now(CLOCK_BOOTTIME, &up);
	return snprintf(buf, size, "%lu.%02lu %lu.%02lu\n", (unsigned long)up.tv_sec,
			up.tv_nsec / 10000000, (unsigned long)(idle / HZ),
			(unsigned long)(idle % HZ) * (100 / HZ));
}

/* show_loadavg — the three averages (11-bit fixed point, two decimals),
 * runnable/all tasks, and the last pid handed out. */
static int show_loadavg(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	unsigned long v[3];

	for (int i = 0; i < 3; i++)
		v[i] = avenrun[i] + 10 / 2;	/* round to 1/100: 2048/200 */
	return snprintf(buf, size, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%lu %d\n",
			v[0] >> 11, ((v[0] & 2047) * 100) >> 11,
			v[1] >> 11, ((v[1] & 2047) * 100) >> 11,
			v[2] >> 11, ((v[2] & 2047) * 100) >> 11,
			nr_running(), nr_tasks(), last_pid_given());
}

/* show_stat — CPU time in USER_HZ ticks: user nice system idle iowait
 * irq softirq steal guest guest_nice, for all CPUs, then for each. */
static int show_stat(struct task_struct *t __unused, bool th __unused,
		     char *buf, int size)
{
	int n = snprintf(buf, size, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n",
			 cpustat.user, cpustat.system, cpustat.idle);

	for_each_online_cpu(c)
		n += snprintf(buf + n, MAX(size - n, 0),
			      "cpu%d %llu 0 %llu %llu 0 0 0 0 0 0\n", c->id,
			      c->ticks_user, c->ticks_system, c->ticks_idle);
	n += snprintf(buf + n, MAX(size - n, 0),
		"intr 0\nctxt %llu\nbtime %lu\nprocesses %lu\nprocs_running %lu\n"
		"procs_blocked 0\n", cpustat.ctxt,
		(unsigned long)(current_time() - get_jiffies_64() / HZ),
		total_forks, nr_running());
	return MIN(n, size);
}

static int show_version(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	return snprintf(buf, size, "clonix version 0.1 (i686) #1\n");
}

static int show_pid_max(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	return snprintf(buf, size, "%d\n", PID_MAX_DEFAULT);
}

static int show_threads_max(struct task_struct *t __unused, bool th __unused,
			    char *buf, int size)
{
	return snprintf(buf, size, "%lu\n", max_threads);
}

static int show_tainted(struct task_struct *t __unused, bool th __unused,
			char *buf, int size)
{
	return snprintf(buf, size, "0\n");
}

const struct proc_entry proc_root_entries[] = {
	{ "self", PROC_SELF, PROC_ROOT, S_IFLNK | 0777, NULL, NULL },
	{ "thread-self", PROC_THREAD_SELF, PROC_ROOT, S_IFLNK | 0777, NULL, NULL },
	{ "mounts", PROC_MOUNTS, PROC_ROOT, S_IFREG | 0444, show_mounts, NULL },
	{ "cpuinfo", PROC_CPUINFO, PROC_ROOT, S_IFREG | 0444, show_cpuinfo, NULL },
	{ "meminfo", PROC_MEMINFO, PROC_ROOT, S_IFREG | 0444, show_meminfo, NULL },
	{ "uptime", PROC_UPTIME, PROC_ROOT, S_IFREG | 0444, show_uptime, NULL },
	{ "loadavg", PROC_LOADAVG, PROC_ROOT, S_IFREG | 0444, show_loadavg, NULL },
	{ "stat", PROC_STAT, PROC_ROOT, S_IFREG | 0444, show_stat, NULL },
	{ "version", PROC_VERSION, PROC_ROOT, S_IFREG | 0444, show_version, NULL },
	{ "vmstat", PROC_VMSTAT, PROC_ROOT, S_IFREG | 0444, show_vmstat, NULL },
	{ "interrupts", PROC_INTERRUPTS, PROC_ROOT, S_IFREG | 0444, show_interrupts, NULL },
	{ "sys", PROC_SYS, PROC_ROOT, S_IFDIR | 0555, NULL, NULL },
	{ "kernel", PROC_SYS_KERNEL, PROC_SYS, S_IFDIR | 0555, NULL, NULL },
	{ "pid_max", PROC_PID_MAX, PROC_SYS_KERNEL, S_IFREG | 0444, show_pid_max, NULL },
	{ "threads-max", PROC_THREADS_MAX, PROC_SYS_KERNEL, S_IFREG | 0444,
	  show_threads_max, NULL },
	{ "tainted", PROC_TAINTED, PROC_SYS_KERNEL, S_IFREG | 0444, show_tainted, NULL },
};
const int proc_root_count = ARRAY_SIZE(proc_root_entries);

/* proc_parse_pid — a decimal name without leading zeros, or -1. */
int proc_parse_pid(const char *name, u32 len)
{
	int v = 0;

	if (!len || len > 5 || (name[0] == '0' && len > 1))
		return -1;
	for (u32 i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + name[i] - '0';
	}
	return v;
}

/* proc_root_lookup — a fixed name, or a number naming a process (a
 * thread's TID works too, as on Linux, though readdir lists only
 * processes). */
int proc_root_lookup(struct inode *dir, const char *name, u32 len,
		     struct inode **res)
{
	int pid = ino_kind(dir->i_ino) == PROC_ROOT ? proc_parse_pid(name, len) : -1;
	struct task_struct *t;

	if (pid <= 0)
		return proc_lookup_in(proc_root_entries, proc_root_count,
				      dir, name, len, res);
	t = find_task_by_vpid(pid);
	if (!t)
		return -ENOENT;
	*res = iget(dir->i_sb, proc_ino(t->tgid, false, PID_DIR));
	return IS_ERR(*res) ? PTR_ERR(*res) : 0;
}

#define FIRST_PID_POS	1000	/* readdir positions past the fixed names */

/* proc_root_readdir — the fixed names, then one directory per process
 * in pid order; the position after the fixed ones is FIRST_PID_POS + pid,
 * so that processes coming and going between calls do not shift it. */
int proc_root_readdir(struct file *f, struct dir_context *ctx)
{
	char name[12];

	if (!proc_fill_dir(ctx, proc_root_entries, proc_root_count,
			   f->f_inode->i_ino))
		return 0;
	if (ino_kind(f->f_inode->i_ino) != PROC_ROOT)
		return 0;
	if (ctx->pos < FIRST_PID_POS)
		ctx->pos = FIRST_PID_POS;
	for (int pid = ctx->pos - FIRST_PID_POS; pid < PID_MAX_DEFAULT; pid++) {
		struct task_struct *t = find_task_by_vpid(pid);

		ctx->pos = FIRST_PID_POS + pid;
		if (!t || !thread_group_leader(t) || !pid)
			continue;
		snprintf(name, sizeof(name), "%d", pid);
		if (!proc_emit(ctx, name, proc_ino(pid, false, PID_DIR), 2))
			return 0;
	}
	ctx->pos = FIRST_PID_POS + PID_MAX_DEFAULT;
	return 0;
}
