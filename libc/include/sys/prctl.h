/* sys/prctl.h — prctl(2); the options are in <linux/prctl.h>. */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <linux/prctl.h>

int prctl(int option, ...);

#endif
