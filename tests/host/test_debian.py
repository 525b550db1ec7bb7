"""Debian's own userland runs in clonix: bash 5.2, coreutils 9.1 and GNU
acct's lastcomm, dynamically linked against Debian's libc6
(tools/fetch-debian.sh puts them under /debian in the image). tests/scripts/debian-bash.sh runs with
chroot /debian /bin/bash in clonix and in a chroot of the same tree on
the host; the outputs must match line for line, with no "not
implemented" line from the kernel and an e2fsck-clean disk."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest

from oracle import KERNEL_LINE, host_can_run_i386
from qemu import ROOT, Boot, after_mounts, run_guest

TREE = os.path.join(ROOT, "build", "debian")
SCRIPT = "/tests/debian-bash.sh"
MISSING_CALL = re.compile(r"^syscall: \d+ \(.*\) not implemented")
# lastcomm's lines: command and flags (fixed columns), user, terminal, rest
LASTCOMM = re.compile(r"^(.{16} .{5}) *(\S+) +(\S+) +(\d+\.\d\d secs .*)$")


def without_tty(line):
    m = LASTCOMM.match(line)
    return (m.group(1), m.group(2), m.group(4)) if m else line


def host_run():
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison")
    if os.geteuid() != 0 or not shutil.which("chroot"):
        pytest.skip("NOT ROOT: the host's side needs chroot(2)")
    null = os.path.join(TREE, "dev", "null")
    if not os.path.exists(null):
        subprocess.run(["mknod", "-m", "666", null, "c", "1", "3"], check=True)
    r = subprocess.run(["chroot", TREE, "/bin/bash", SCRIPT], capture_output=True,
                       text=True, timeout=60)
    return r.returncode, r.stdout.splitlines()


def test_debian_bash_and_coreutils_match_the_host():
    status, guest = run_guest(["/opt/busybox/chroot", "/debian", "/bin/bash",
                               SCRIPT], timeout=120)
    missing = [l for l in guest if MISSING_CALL.search(l)]
    guest = [l for l in guest if not KERNEL_LINE.search(l)]
    assert status == 0, "\n".join(guest)
    assert not missing, "Debian's programs made calls clonix lacks: %s" % missing
    host_status, host = host_run()
    assert host_status == 0
    assert guest == host


def test_debian_lastcomm_reads_clonix_accounting():
    """Debian's GNU lastcomm, run inside clonix, lists the processes
    clonix accounted (the records written by kernel/task/acct.c), and
    says the same as the host's lastcomm reading the same file."""
    with Boot("-- /bin/sh /tests/debian-acct.sh", disk=True, timeout=120) as b:
        b.wait_ok()
        b.fsck()
        data = b.debugfs_cat("/debian/tmp/pacct")
        guest = [l for l in after_mounts(b.text) if LASTCOMM.match(l)]
    # newest first; chroot became bash by exec, so one record, "bash"
    assert [l.split()[0] for l in guest] == ["accton", "bash", "sleep",
                                             "echo", "accton"], guest
    assert all(LASTCOMM.match(l).group(2) == "root" for l in guest)
    with tempfile.NamedTemporaryFile(suffix=".pacct") as f:
        f.write(data)
        f.flush()
        r = subprocess.run(["lastcomm", "-f", f.name], capture_output=True,
                           text=True, env=dict(os.environ, TZ="UTC"), check=True)
    host = r.stdout.splitlines()
    # the same lines but for the terminal's name, which each side finds
    # in its own /dev
    assert [without_tty(l) for l in guest] == [without_tty(l) for l in host]



def ps_view(lines):
    """ps -eLf's header, the lines of the process that ran ps (one per
    thread) and ps's own line, each split into its ten columns."""
    rows = [l.split(None, 9) for l in lines[1:] if len(l.split()) >= 10]
    mine = [r for r in rows if r[9] == "/bin/ps -eLf"]
    assert len(mine) == 1, lines
    group = [r for r in rows if r[1] == mine[0][2]]
    return lines[0], group, mine[0]


def test_debian_ps_shows_clonix_threads():
    """Debian's procps ps -eLf, inside clonix (procfs mounted in the chroot
    with mount(2)), shows the process of four threads that started it as
    four lines: one PID, four LWPs (the first the PID itself), NLWP 4;
    and says the same as on the host."""
    status, guest = run_guest(["/bin/sh", "/tests/debian-ps.sh"], timeout=120)
    missing = [l for l in guest if MISSING_CALL.search(l)]
    assert status == 0 and not missing, "\n".join(guest)
    head, group, ps = ps_view(guest)
    assert len(group) == 4 and [r[5] for r in group] == ["4"] * 4, group
    assert group[0][3] == group[0][1], "the leader's LWP is its PID"
    assert len({r[3] for r in group}) == 4, "four distinct thread ids"
    assert ps[5] == "1" and ps[2] == group[0][1]

    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison")
    if os.geteuid() != 0 or not shutil.which("chroot"):
        pytest.skip("NOT ROOT: the host's side needs chroot(2) and mount(2)")
    proc = os.path.join(TREE, "proc")
    subprocess.run(["mount", "-t", "proc", "proc", proc], check=True)
    try:
        r = subprocess.run([os.path.join(ROOT, "build", "user", "test", "with_threads"),
                            "4", shutil.which("chroot"), TREE, "/bin/ps", "-eLf"],
                           capture_output=True, text=True, timeout=60)
    finally:
        subprocess.run(["umount", proc], check=True)
    assert r.returncode == 0, r.stderr
    h_head, h_group, h_ps = ps_view(r.stdout.splitlines())
    assert head == h_head
    # user, thread count, the program's name and argument: the same
    view = lambda g: [(x[0], x[5], os.path.basename(x[9].split()[0]),
                       x[9].split()[1]) for x in g]
    assert view(group) == view(h_group)
    assert (ps[0], ps[5], ps[9]) == (h_ps[0], h_ps[5], h_ps[9])


def test_debian_bash_interactive_at_the_console():
    """make run-debian's session (/etc/debian.sh): Debian's bash at the
    console, its line editor in raw mode waiting in pselect6 for each key
    (wake-ups from the terminal): erase, tab completion, history; ^C ends
    the foreground job, not bash; job control; ps under the mounted /proc;
    coreutils' stty setting the window size, procps' vmstat, a FIFO.
    exit unmounts it, and the disk is e2fsck-clean, nothing leaked."""
    from test_tty import wait_for_task
    with Boot("-- /bin/sh /etc/debian.sh", disk=True, timeout=120) as b:
        n = b.expect(r"root@clonix:/# ").end()
        steps = [("echo abX\x7fc\n", r"^abc$"),           # erase
                 ("ech\t hi\n", r"^hi$"),                 # completion
                 ("echo one two\n", r"^one two$"),
                 ("\x1b[A\n", r"^one two$"),              # history
                 ("sleep 30 &\n", r"^\[1\] \d+$"),
                 ("jobs\n", r"^\[1\]\+  Running +sleep 30 &$"),
                 # `wait %1`, not a bare `wait`: bash reports a job it
                 # waits for by name whether it died before or during the
                 # wait, but a bare `wait` silently discards jobs already
                 # reaped by its SIGCHLD handler (POSIX allows it), and
                 # whether the killed sleep dies before bash reaches wait4
                 # is a race between two CPUs (on Linux too).
                 ("kill %1; wait %1\n", r"^\[1\]\+  Terminated +sleep 30$"),
                 ("sleep 30 &\n", r"^\[1\] \d+$"),     # reaped first:
                 ("kill %1; read -t 1 x; wait %1\n",    # by the handler
                  r"^\[1\]\+  Terminated +sleep 30$"),
                 ("ps -o comm=,nlwp= -p $$\n", r"^bash +1$"),
                 ("stty cols 100; stty size\n", r"^24 100$"),   # TIOCSWINSZ
                 ("vmstat | tail -1 | wc -w\n", r"^17$"),      # /proc/vmstat
                 ("mkfifo /tmp/f; (echo via-fifo > /tmp/f &); cat /tmp/f\n",
                  r"^via-fifo$")]
        for keys, answer in steps:
            b.send(keys)
            n = b.expect(answer, n).end()
            n = b.expect(r"root@clonix:/# ", n).end()
        b.send("sleep 30\n")
        wait_for_task(b, "sleep")
        b.send("\x03")
        b.send("echo status $?\n")
        n = b.expect(r"^status 130$", n).end()
        b.send("exit\n")
        b.wait_ok()
        b.fsck()
        assert "init: leak check: nothing left allocated" in b.text
        assert not MISSING_CALL.search(b.text), "a call clonix lacks"
