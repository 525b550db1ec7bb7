/* sys/wait.h — waiting for children; Linux's status encoding. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <asm/siginfo.h>
#include <linux/wait.h>

typedef int idtype_t;
typedef unsigned int id_t;

struct rusage;

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WIFEXITED(s)	(!WTERMSIG(s))
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)	(((s) & 0xffff) - 1U < 0xffu)
#define WIFCONTINUED(s)	((s) == 0xffff)
#define WCOREDUMP(s)	((s) & 0x80)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
int waitid(idtype_t type, id_t id, siginfo_t *info, int options);
pid_t wait3(int *status, int options, struct rusage *ru);

#endif
