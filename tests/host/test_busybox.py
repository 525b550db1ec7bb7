"""Debian's busybox-static (i386), unmodified, runs inside clonix: the
script tests/scripts/busybox.sh (pipelines, subshells, background jobs,
traps, exit codes, files, ps, top and /proc) prints the same lines in
clonix as the same binary prints on the host, and makes no call clonix
lacks."""
import os
import re
import subprocess
import tempfile

import pytest

from oracle import host_can_run_i386
from qemu import ROOT, run_guest

BUSYBOX = os.path.join(ROOT, "build", "busybox")
SCRIPT = os.path.join(ROOT, "tests", "scripts", "busybox.sh")
APPLETS = ("sh ls cat wc sort find sed awk grep xargs kill sleep time ps top "
           "echo printf test true false head tail tr cut uniq env mkdir rm "
           "cp mv date expr seq basename dirname id uname pwd readlink").split()
MISSING_CALL = re.compile(r"^syscall: \d+ \(.*\) not implemented")


def host_run():
    """The script under the same busybox on the host, its applets by
    PATH as in clonix's /opt/busybox."""
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison")
    with tempfile.TemporaryDirectory() as bb, \
            tempfile.TemporaryDirectory() as work:
        for a in APPLETS:
            os.symlink(BUSYBOX, os.path.join(bb, a))
        r = subprocess.run([os.path.join(bb, "sh"), SCRIPT],
                           env={"BB": bb, "WORK": work}, cwd=work,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=120)
    return r.returncode, r.stdout.splitlines()


def test_busybox_script_matches_linux():
    status, guest = run_guest(["/opt/busybox/sh", "/tests/busybox.sh"],
                              timeout=240)
    missing = [l for l in guest if MISSING_CALL.search(l)]
    assert not missing, "busybox made calls clonix lacks: %s" % missing
    host_status, host = host_run()
    assert host_status == 0, "fails on Linux itself:\n" + "\n".join(host)
    assert status == 0
    assert guest == host
    assert guest[-1] == "== done"
