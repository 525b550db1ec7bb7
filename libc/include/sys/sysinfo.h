/* sys/sysinfo.h — sysinfo(2): memory, load and task counts
 * (<linux/sysinfo.h>), glibc's header. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <linux/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
