"""Lab syscall: a system call of your own (docs/labs/syscall.md)."""
from grade import Tap

STUBS = {
    "task_share": "",
    "prototype": "",
    "sys_task_share": """\
	/* TODO(lab syscall): find the task (tid 0: the caller), check the
	 * arguments as docs/labs/syscall.md says, fill a struct task_share
	 * with task_share_fill and copy it out to the user's buffer. */
	(void)tid;
	(void)ushare;
	return -ENOSYS;""",
    "share_main": """\
	/* TODO(lab syscall): call task_share(2) for the tid given (none: 0,
	 * the caller) and print its five lines, as /proc/TID/task/TID/sharing
	 * does. */
	(void)argc;
	(void)argv;
	fprintf(stderr, "share: not written yet (see LAB.md)\\n");
	return 1;""",
}

CHECK = ["/bin/share_check"]
GRADED = [
    Tap("task_share(2): the caller's structures", 10, CHECK,
        r"^task_share\(0\)|^one thread:", r"not ok in clonix: task_share\(0\)",
        linux=False, count=2),
    Tap("a thread shares all five, a forked child none", 10, CHECK,
        r"of a thread|a thread shares|each has two|forked child|shares none",
        r"not ok in clonix: task_share\(tid\) of a thread",
        linux=False, count=5),
    Tap("bad arguments: EINVAL, ESRCH, EFAULT", 5, CHECK,
        r"ESRCH|EFAULT|EINVAL", r"not ok in clonix: a task that is gone: ESRCH",
        linux=False, count=5),
    Tap("/bin/share prints the same lines as /proc", 5, CHECK,
        r"^share 1 prints", r"not ok in clonix: share 1 prints",
        linux=False, count=1),
]
