"""Lab threads: thread groups (docs/labs/threads.md)."""
from grade import Output, Tap

STUBS = {
    "group_exit": """\
	/* TODO(lab threads): exit_group ends every thread of the group, and
	 * the first caller's code is the group's (the others' is ignored). */""",
    "leader_waits": """\
		/* TODO(lab threads): report the leader only when it is the
		 * last of its group; here it is reported at once. */
		do_notify_parent(tsk);""",
    "notify_leader_late": """\
	/* TODO(lab threads): the last thread of a group whose leader is a
	 * zombie already: now is the time to report that leader. */
	(void)leader;""",
    "take_over_leader": """\
	/* TODO(lab threads): execve from a non-leader thread: the caller
	 * takes the leader's pid and place, the old leader is released. */
	(void)tsk;""",
    "clear_child_tid": """\
	/* TODO(lab threads): CLONE_CHILD_CLEARTID: zero the TID word and
	 * wake one futex waiter on it (spec §7.2). */
	(void)mm;""",
}

THREADS = ["/tests/t_threads"]
GRADED = [
    Tap("exit_group: one thread's exit ends the group", 10, THREADS,
        r"exit_group in a thread", r"not ok in clonix: exit_group in a thread"),
    Tap("the leader's lifetime: reported with the last thread", 10, THREADS,
        r"leader that exited first|nor is SIGCHLD|last thread's exit code|"
        r"one SIGCHLD, when", r"not ok in clonix: \.\.\. nor is SIGCHLD sent"),
    Output("de_thread: exec from a thread takes the leader's pid", 10,
           THREADS, r"^exec'd: ", r"^clonix: .exec'd: pid == tid: no"),
    Tap("CLONE_CHILD_CLEARTID: the TID word zeroed, the joiner woken", 10,
        ["/tests/t_clone"], r"CHILD_CLEARTID",
        r"not ok in clonix: CHILD_CLEARTID\|VM: zeroed and woken"),
]
