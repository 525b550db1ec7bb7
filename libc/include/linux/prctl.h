/* linux/prctl.h — prctl(2)'s options that clonix implements (Linux
 * include/uapi/linux/prctl.h); any other option is EINVAL. */
#ifndef _LINUX_PRCTL_H
#define _LINUX_PRCTL_H

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_CHILD_SUBREAPER	36
#define PR_GET_CHILD_SUBREAPER	37

#endif
