/* sys/acct.h — BSD process accounting: acct(2) and the version-3 record
 * the kernel appends for every process that ends (Linux's layout). */
#ifndef _SYS_ACCT_H
#define _SYS_ACCT_H

#include <sys/types.h>

#define ACCT_COMM	16
#define AFORK		0x01	/* forked, never exec'd */
#define ASU		0x02	/* used superuser privilege */
#define ACORE		0x08	/* dumped core */
#define AXSIG		0x10	/* killed by a signal */
#define ACCT_VERSION	3
#define AHZ		100

typedef unsigned short comp_t;	/* 3-bit base-8 exponent, 13-bit mantissa */

/* The version-2 record (glibc's struct acct): 16-bit ids, elapsed time as
 * a comp_t. clonix writes version 3 (below), as Linux does by default. */
struct acct {
	char ac_flag;
	unsigned short ac_uid, ac_gid, ac_tty;
	unsigned int ac_btime;
	comp_t ac_utime, ac_stime, ac_etime, ac_mem, ac_io, ac_rw, ac_minflt,
	       ac_majflt, ac_swaps;
	unsigned int ac_exitcode;
	char ac_comm[ACCT_COMM + 1];
	char ac_pad[10];
};

struct acct_v3 {
	char ac_flag, ac_version;
	unsigned short ac_tty;
	unsigned int ac_exitcode, ac_uid, ac_gid, ac_pid, ac_ppid, ac_btime;
	float ac_etime;
	comp_t ac_utime, ac_stime, ac_mem, ac_io, ac_rw, ac_minflt, ac_majflt,
	       ac_swaps;
	char ac_comm[ACCT_COMM];
};

int acct(const char *path);

#endif
