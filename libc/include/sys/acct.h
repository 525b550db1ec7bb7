/* sys/acct.h — BSD process accounting: acct(2), the version-3 record
 * (<linux/acct.h>) and glibc's version-2 struct acct. */
#ifndef _SYS_ACCT_H
#define _SYS_ACCT_H

#include <sys/types.h>
#include <linux/acct.h>

/* The version-2 record (glibc's struct acct): 16-bit ids, elapsed time as
 * a comp_t. clonix writes version 3 (<linux/acct.h>), as Linux does. */
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

int acct(const char *path);

#endif
