/* kernel/main.c — kmain: one init call per subsystem, in order.
 * Linux init/main.c start_kernel; xv6 main.c.
 * Interrupts and the timer come first so that the banner's tick count
 * covers the rest of boot (memory detection, mem_map, the direct map). */
#include "cpu/gdt.h"
#include "cpu/smp.h"
#include "cpu/trap.h"
#include "cpu/x86.h"
#include "drivers/pic.h"
#include "drivers/power.h"
#include "drivers/rtc.h"
#include "drivers/keyboard.h"
#include "drivers/serial.h"
#include "drivers/timer.h"
#include "drivers/vga.h"
#include "lib/cmdline.h"
#include "lib/multiboot.h"
#include "lib/panic.h"
#include "lib/smp_lock.h"
#include "lib/printk.h"
#include "lib/trace.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "task/signal.h"
#include "test/selftest.h"
#include "drivers/tty.h"
#include "fs/binfmts.h"
#include "fs/fdtable.h"

#define CLONIX_VERSION	"0.1"
#define CTRL(c)		((c) & 0x1F)

extern char _kernel_start[], _end[];

static void banner(void)
{
	struct rtc_time tm;
	u64 us = uptime_us();

	rtc_read_time(&tm);
	printk("clonix %s (i386): %lu MiB RAM, %lu frames, %lu free\n",
	       CLONIX_VERSION, memmap_usable_kib() >> 10, totalram_pages(),
	       nr_free_pages());
	printk("clonix: at the banner %llu.%03llu ms after the timer started "
	       "(tick %llu); kernel image %lu KiB\n", us / 1000, us % 1000,
	       get_jiffies_64(), (unsigned long)(_end - _kernel_start) >> 10);
	printk("rtc: %04d-%02d-%02d %02d:%02d:%02d UTC (epoch %lld)\n",
	       tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec,
	       mktime64(&tm));
	printk("cmdline: %s\n", boot_command_line);
}

/* console_key — the console's keys while no tty owns them (before the
 * root is mounted, or without a disk): ^P shows tasks and memory (xv6's
 * procdump), 'q' powers off. */
static void console_key(char c)
{
	if (c == CTRL('P')) {
		procdump();
		show_mem();
	}
	else if (c == 'q')
		power_off(EXIT_STATUS_OK);
}

/* console_on_rootfs — fds 0, 1 and 2 of pid 1 on /dev/console (Linux
 * init/main.c); every process inherits them from there. */
static void console_on_rootfs(void)
{
	current->fs = root_sb ? alloc_fs_struct(root_sb->s_root) : NULL;
	current->files = alloc_files();
	if ((root_sb && !current->fs) || !current->files)
		panic("no memory for init's file tables");
	if (do_sys_open_kernel("/dev/console", O_RDWR) != 0)
		printk("init: cannot open /dev/console\n");
	sys_dup(0);
	sys_dup(0);
}

/* idle_forever — with no init to run, pid 1 sleeps for good (init
 * never ends); the console keys stay with the kernel. */
static void __noreturn idle_forever(void)
{
	printk("clonix: no user space: ^P shows tasks and memory, 'q' "
	       "powers off\n");
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
}

/* kernel_init — pid 1 (Linux kernel_init): mount the root, open the
 * console, run the self-tests if asked, then become the init program. */
static int kernel_init(void *arg __unused)
{
	static const char *envp[] = { "HOME=/", "PATH=/bin:/sbin",
				      "TERM=vt100", NULL };
	int err;

	child_reaper = current;
	current->signal->pgrp = current->signal->session = 1;
	if (mount_root() == 0)
		tty_init();	/* the console keys stay with the kernel else */
	console_on_rootfs();
	if (root_sb) {	/* as an init script would mount them: */
		proc_init();	/* /proc */
		tmpfs_init();	/* /dev/shm */
	}
	if (kparams.test[0])
		selftest_run(kparams.test);
	if (!root_sb)
		idle_forever();
	kparams.init_argv[0] = kparams.init;
	err = kernel_execve(kparams.init, kparams.init_argv, envp);
	if (err)
		panic("No working init found (%s: %d). Try passing init= "
		      "option to kernel.", kparams.init, err);
	return 0;	/* to user mode, as the init program */
}

#define boot_step(fn)							\
	do {								\
		fn;							\
		trace(boot, "%s done at tick %llu", #fn,		\
		      get_jiffies_64());				\
	} while (0)

void kmain(u32 magic, u32 mbi_phys)
{
	lock_kernel();	/* CPU 0 holds it but where it drops it (kernel_lock.c) */
	serial_init();
	vga_init();
	gdt_init(&cpus[0]);
	pic_init();
	trap_init();
	timer_init();
	local_irq_enable();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader (magic %x)", magic);
	memmap_init(mbi_phys);
	cmdline_parse();	/* first, so trace=boot sees the steps below */
	boot_step(paging_init());
	boot_step(mem_init());
	boot_step(kmalloc_init());
	boot_step(fork_init());
	boot_step(sched_init());
	boot_step(inode_init(rtc_read_epoch()));
	banner();
	boot_step(smp_init());	/* after the banner: its idle tasks use frames */
	serial_set_rx_handler(console_key);
	keyboard_set_rx_handler(console_key);
	if (kernel_thread(kernel_init, NULL, "init") < 0)
		panic("cannot create the init task");
	writeback_init();	/* pid 2: dirty buffers to the disk in time */
	cpu_idle();	/* kmain's context becomes the idle task, pid 0 */
}
