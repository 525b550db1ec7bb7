"""The CI smoke test of user/bench/forkbench: with two iterations a cell
and ten others alive, it runs every row, in clonix and natively, and
reaps every child. No time is asserted (timings belong to make bench)."""
import os
import subprocess

import pytest

from oracle import host_can_run_i386
from qemu import ROOT, Boot

CELLS = ["fork", "vfork", "clone(VM|VFORK|FS|...)", "pthread_create+join",
         "fork+execve(tiny)"]


def check_table(lines):
    rows = [l[:26].strip() for l in lines]
    for name in CELLS:
        assert rows.count(name) == 4, "%s: one row per size" % name
    assert rows.count("one COW break") == 3
    assert rows.count("fork, others alive:") == 1
    assert "forkbench: every child reaped" in lines


def test_forkbench_smoke_in_clonix():
    with Boot("-- /bin/forkbench -n 2 -o 10", disk=True, timeout=240) as b:
        b.wait_ok()
        b.fsck()
        lines = b.text.splitlines()
    check_table(lines)
    assert "init: leak check: nothing left allocated" in lines


def test_forkbench_smoke_natively():
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES")
    r = subprocess.run([os.path.join(ROOT, "build", "user", "bench", "forkbench"),
                        "-n", "2", "-o", "10", "-t",
                        os.path.join(ROOT, "build", "user", "bin", "true")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    check_table(r.stdout.splitlines())
