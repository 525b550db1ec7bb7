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

