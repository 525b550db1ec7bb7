"""Lab wait: who may reap whom (docs/labs/wait.md)."""
from grade import Tap

STUBS = {
    "clone_filter": """\
	/* TODO(lab wait): a child whose exit signal is not SIGCHLD is a
	 * "clone child": plain wait skips it, __WCLONE takes only such
	 * children, __WALL takes every child (the table above). */
	return true;""",
    "wnothread": """\
		/* TODO(lab wait): with __WNOTHREAD, look at the caller's own
		 * children only, not at those of the other threads. */""",
    "si_status": """\
	/* TODO(lab wait): si_status is the exit code (cld_status), the
	 * stop signal, or SIGCONT; not the raw wait status. */
	info.si_status = status;""",
}

GRADED = [
    Tap("eligible_child: a clone child needs __WCLONE or __WALL", 10,
        ["/tests/t_clone"], r"^exit signal \d+:|SIGCHLD child is not seen|"
        r"but with plain waitpid",
        r"not ok in clonix: exit signal 0: plain waitpid ECHILD"),
    Tap("eligible_child: SIGUSR1 as exit signal", 5, ["/tests/t_wait"],
        r"exit signal SIGUSR1|__WCLONE reaps it",
        r"not ok in clonix: exit signal SIGUSR1"),
    Tap("__WNOTHREAD: only the caller's own children", 10,
        ["/tests/t_threads"], r"__WNOTHREAD|sibling's child",
        r"not ok in clonix: __WNOTHREAD"),
    Tap("waitid: si_status is the exit code", 5, ["/tests/t_wait"],
        r"^waitid|WNOWAIT|zeroed siginfo|^P_PGID",
        r"not ok in clonix: waitid P_PID WNOWAIT"),
]
