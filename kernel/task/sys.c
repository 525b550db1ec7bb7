/* kernel/task/sys.c — the simplest process system calls; Linux
 * kernel/sys.c and kernel/reboot.c. getpid() is the TGID, gettid() the
 * task's own id. Credentials are kernel/task/cred.c's. */
#include "sched.h"
#include "pid.h"
#include "time.h"
#include "../fs/buffer.h"
#include "../mm/page.h"
#include "../drivers/power.h"
#include "../fs/fs.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>
#include <linux/sysinfo.h>

#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC
#define LINUX_REBOOT_CMD_HALT	0xCDEF0123
#define LINUX_REBOOT_CMD_RESTART	0x01234567

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65],
	     machine[65], domainname[65];
};

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->real_parent ? current->real_parent->tgid : 0;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

/* sys_uname — the system says "Linux": Linux's programs (configure
 * scripts, Debian's tools) choose their Linux ways by this name, and the
 * interface clonix offers is Linux 6.1's system calls on i386. The
 * release and version name clonix itself. */
long sys_uname(struct new_utsname *uname)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, "clonix", sizeof(u.nodename));
	strlcpy(u.release, "6.1.0-clonix", sizeof(u.release));
	strlcpy(u.version, "#1 clonix 0.1", sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(uname, &u, sizeof(u)) ? -EFAULT : 0;
}

/* sys_reboot — Linux's magic numbers; power-off and halt write the disk
 * back first. A restart also powers off: QEMU runs with -no-reboot. */
long sys_reboot(u32 magic1, u32 magic2, u32 cmd, void *arg __unused)
{
	if (!capable())
		return -EPERM;		/* root only, before the magic */
	if (magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	if (cmd != LINUX_REBOOT_CMD_POWER_OFF && cmd != LINUX_REBOOT_CMD_HALT &&
	    cmd != LINUX_REBOOT_CMD_RESTART)
		return -EINVAL;
	do_sync();
	power_off(EXIT_STATUS_OK);
}

_Static_assert(sizeof(struct sysinfo) == 64, "i386's struct sysinfo");

/* sys_sysinfo — Linux do_sysinfo: uptime rounded up to whole seconds,
 * "procs" counting every task (threads too). No swap, no high memory. */
long sys_sysinfo(struct sysinfo *uinfo)
{
	struct sysinfo si;
	struct timespec64 up;

	memset(&si, 0, sizeof(si));
	clock_now(CLOCK_BOOTTIME, &up);
	si.uptime = up.tv_sec + (up.tv_nsec ? 1 : 0);
	for (int i = 0; i < 3; i++)	/* avenrun is 21.11 fixed point */
		si.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - 11);
	si.totalram = totalram_pages() * PAGE_SIZE;
	si.freeram = nr_free_pages() * PAGE_SIZE;
	si.bufferram = buffer_cache_bytes();
	si.procs = nr_tasks();
	si.mem_unit = 1;
	return copy_to_user(uinfo, &si, sizeof(si)) ? -EFAULT : 0;
}

/* sys_rseq — restartable sequences are not implemented: registering one
 * would promise to restart a user's critical section whenever it is
 * preempted or signalled, which this kernel does not do. -ENOSYS is the
 * answer of a Linux built without CONFIG_RSEQ, and glibc (2.35+) takes
 * it quietly: sched_getcpu falls back to getcpu. Not logged as a missing
 * call, since every glibc program makes it at start-up. */
long sys_rseq(void *rseq __unused, u32 len __unused, int flags __unused,
	      u32 sig __unused)
{
	return -ENOSYS;
}

