/* linux/acct.h — the accounting record the kernel appends for each
 * process that ends (Linux include/uapi/linux/acct.h; spec §9.5): one
 * definition for the kernel, libc and the tests. 64 bytes, no padding. */
#ifndef _LINUX_ACCT_H
#define _LINUX_ACCT_H

#define ACCT_COMM	16
#define AFORK		0x01	/* forked, never exec'd */
#define ASU		0x02	/* used root's privilege */
#define ACORE		0x08	/* dumped core */
#define AXSIG		0x10	/* killed by a signal */
#define ACCT_VERSION	3
#define AHZ		100	/* the record's ticks a second */

typedef unsigned short comp_t;	/* 3-bit base-8 exponent, 13-bit mantissa */

struct acct_v3 {
	char ac_flag, ac_version;
	unsigned short ac_tty;
	unsigned int ac_exitcode, ac_uid, ac_gid, ac_pid, ac_ppid, ac_btime;
#ifdef __KERNEL__
	unsigned int ac_etime;	/* the float's bits: the kernel has no FPU */
#else
	float ac_etime;		/* elapsed AHZ ticks */
#endif
	comp_t ac_utime, ac_stime, ac_mem, ac_io, ac_rw, ac_minflt, ac_majflt,
	       ac_swaps;
	char ac_comm[ACCT_COMM];
};

#endif
