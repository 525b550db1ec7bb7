/* user/bin/share.c — share [tid] — what a task shares with others, by
 * task_share(2), clonix's own call (the lab "syscall"): for each of the
 * structures clone() can share, its id and how many tasks use it. Two
 * threads show the same ids; a forked child, its own. The lines are
 * those of /proc/TID/task/TID/sharing.
 * try: share; share 1 */
#include <clonix/task_share.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	/* LAB syscall: begin share_main */
	struct task_share s;
	pid_t tid = argc > 1 ? atoi(argv[1]) : 0;

	if (syscall(__NR_task_share, tid, &s) < 0) {
		perror("share: task_share");
		return 1;
	}
	printf("mm\t%u\t%d\nfiles\t%u\t%d\nfs\t%u\t%d\nsighand\t%u\t%d\n"
	       "signal\t%u\t%d\n", s.mm.id, s.mm.users, s.files.id, s.files.users,
	       s.fs.id, s.fs.users, s.sighand.id, s.sighand.users, s.signal.id,
	       s.signal.users);
	return 0;
	/* LAB syscall: end share_main */
}
