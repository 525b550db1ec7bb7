/* asm/siginfo.h — siginfo_t as the i386 kernel writes it (128 bytes) and
 * the si_code values; Linux include/uapi/asm-generic/siginfo.h. */
#ifndef _ASM_SIGINFO_H
#define _ASM_SIGINFO_H

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[29];
		struct {		/* kill, tkill, SIGCHLD */
			int si_pid;
			unsigned int si_uid;
			int si_status;
			long si_utime;
			long si_stime;
		} _kill;
		struct {		/* SIGSEGV, SIGBUS, SIGFPE, SIGILL */
			void *si_addr;
		} _fault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._kill.si_pid
#define si_uid		_sifields._kill.si_uid
#define si_status	_sifields._kill.si_status
#define si_utime	_sifields._kill.si_utime
#define si_stime	_sifields._kill.si_stime
#define si_addr		_sifields._fault.si_addr

#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_TKILL	(-6)
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define ILL_ILLOPN	2
#define ILL_BADSTK	8
#define FPE_INTDIV	1
#define FPE_INTOVF	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2

#endif
