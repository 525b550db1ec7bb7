/* kernel/task/cred.h — who a task is: real, effective, saved and
 * file-system user and group ids (Linux include/linux/cred.h, before
 * struct cred was shared: each task has its own copy, as in 2.6.27). */
#ifndef CLONIX_CRED_H
#define CLONIX_CRED_H

#include "../lib/kernel.h"

struct cred {
	u32 uid, gid;		/* real: who started it */
	u32 euid, egid;		/* effective: what it may do */
	u32 suid, sgid;		/* saved: what it may go back to */
	u32 fsuid, fsgid;	/* file access and new files' owners */
};

bool capable(void);
bool fs_capable(void);

#endif
