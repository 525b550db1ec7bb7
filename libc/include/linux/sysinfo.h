/* linux/sysinfo.h — sysinfo(2)'s answer (Linux include/uapi/linux/
 * sysinfo.h): one definition for the kernel, libc and the tests. On i386
 * it is 64 bytes; sizes are in units of mem_unit bytes, the load
 * averages 16.16 fixed point (SI_LOAD_SHIFT). */
#ifndef _LINUX_SYSINFO_H
#define _LINUX_SYSINFO_H

#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5 and 15 minute load averages */
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs, pad;	/* procs: every task, threads too */
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(unsigned int)];
};

#endif
