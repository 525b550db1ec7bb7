"""Every program in tests/guest/ is run from the disk inside clonix and
natively on the host Linux; the outputs must be the same line for line,
the exit status 0, and the disk e2fsck-clean afterwards."""
import glob
import os
import subprocess
import tempfile

import pytest

from oracle import KERNEL_LINE, TESTS, host_can_run_i386
from qemu import DISK4K, ROOT, run_guest

PROGRAMS = sorted(os.path.splitext(os.path.basename(p))[0]
                  for p in glob.glob(os.path.join(ROOT, "tests", "guest", "*.c")))


def host_run(name):
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison for %s" % name)
    with tempfile.TemporaryDirectory() as cwd:
        r = subprocess.run([os.path.join(TESTS, name)], cwd=cwd,
                           capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout.splitlines()


@pytest.mark.parametrize("name", PROGRAMS)
def test_guest_program_matches_linux(name):
    status, guest = run_guest(["/tests/" + name], timeout=120)
    guest = [l for l in guest if not KERNEL_LINE.search(l)]
    failed = [l for l in guest if l.startswith("not ok")]
    assert not failed, "failed in clonix: %s" % failed
    assert status == 0
    host_status, host = host_run(name)
    assert host_status == 0, "fails on Linux itself:\n" + "\n".join(host)
    assert guest == host


def test_files_on_4k_blocks():
    """The same file tests on an ext2 with 4 KiB blocks (other indirect
    reach, other group layout); the disk must stay e2fsck-clean."""
    status, guest = run_guest(["/tests/t_files"], timeout=120, disk=DISK4K)
    assert status == 0 and "t_files: 0 failed" in guest
