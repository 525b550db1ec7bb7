"""Lab clone: share or copy, flag by flag (docs/labs/clone.md)."""
from grade import Output, Tap

TODO = "\t/* TODO(lab clone): with %s, share the caller's %s (take a\n" \
       "\t * reference) instead of copying it. */\n\t(void)flags;"
STUBS = {
    "share_files": TODO % ("CLONE_FILES", "descriptor table"),
    "share_fs": TODO % ("CLONE_FS", "fs_struct"),
    "share_sighand": TODO % ("CLONE_SIGHAND", "handler table"),
    "share_mm": TODO % ("CLONE_VM", "address space"),
    "thread_rules": """\
	/* TODO(lab clone): two of clone(2)'s rules about threads, with the
	 * reason each exists (spec §2.2 items 3 and 4). */""",
}

CLONE = ["/tests/t_clone"]
GRADED = [
    Tap("clone_checks: THREAD needs SIGHAND, SIGHAND needs VM", 10, CLONE,
        r"^clone: ", r"not ok in clonix: clone: THREAD without SIGHAND"),
    Output("copy_files: CLONE_FILES shares the descriptor table", 5, CLONE,
           r": child's close seen", r"^clonix: .VM\|FILES\|FS: child's close seen: no."),
    Output("copy_fs: CLONE_FS shares cwd and umask", 5, CLONE,
           r": child's (umask|chdir) seen",
           r"^clonix: .VM\|FILES\|FS: child's umask seen: no."),
    Output("copy_sighand: CLONE_SIGHAND shares the handlers", 5, CLONE,
           r": child's SIGUSR2 handler seen",
           r"^clonix: .VM\|SIGHAND: child's SIGUSR2 handler seen: no."),
    Output("copy_mm: CLONE_VM shares the address space", 10, CLONE,
           r": child's write to a global seen",
           r"^clonix: .VM\|FILES\|FS: child's write to a global seen: no."),
]
