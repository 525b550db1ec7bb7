"""Lab vfork: the parent that waits (docs/labs/vfork.md)."""
from grade import Output, Tap

STUBS = {
    "vfork_flags": """\
		/* TODO(lab vfork): vfork is a clone that shares the address
		 * space and suspends the parent; as it stands, it is a fork. */
		.exit_signal = SIGCHLD,""",
    "wait_for_vfork_done": "",
    "wake_vfork_child": """\
	/* TODO(lab vfork): give the child a completion to signal
	 * (p->vfork_done), wake it, and sleep (killable) until it has. */
	wake_up_new_task(p);""",
    "vfork_release": """\
	/* TODO(lab vfork): a vfork parent waits for this moment. */""",
}

CLONE = ["/tests/t_clone"]
GRADED = [
    Tap("vfork: the child runs in the parent's memory", 10, CLONE,
        r"^vfork: the child's write", r"not ok in clonix: vfork: the child's write"),
    Tap("CLONE_VFORK: the parent sleeps until the child exits", 10, CLONE,
        r"^CLONE_VFORK: the parent resumed",
        r"not ok in clonix: CLONE_VFORK: the parent resumed after"),
    Tap("mm_release: the child's exec wakes the parent", 10, CLONE,
        r"resumes at the child's exec|reaps it when it exits 4",
        r"not ok in clonix: vfork: the parent resumes at the child's exec"),
    Output("vfork_demo: the parent sees the child's write", 5,
           ["/bin/vfork_demo"], r"^parent: resumed",
           r"^clonix: .parent: resumed after the child's _exit; shared = 0"),
]
