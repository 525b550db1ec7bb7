/* kernel/task/sys.c — the simplest process system calls; Linux
 * kernel/sys.c and kernel/reboot.c. getpid() is the TGID, gettid() the
 * task's own id. Everyone is root (uid 0) until the accounting issue
 * brings set*id and credentials. */
#include "sched.h"
#include "../drivers/power.h"
#include "../fs/fs.h"
#include "../lib/string.h"
#include "../mm/uaccess.h"
#include <asm/errno.h>

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

long sys_uname(struct new_utsname *uname)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "clonix", sizeof(u.sysname));
	strlcpy(u.nodename, "clonix", sizeof(u.nodename));
	strlcpy(u.release, "0.1", sizeof(u.release));
	strlcpy(u.version, "#1", sizeof(u.version));
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
