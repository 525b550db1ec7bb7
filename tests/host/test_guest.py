"""Every program in tests/guest/ is run from the disk inside clonix and
natively on the host Linux; the outputs must be the same line for line,
the exit status 0, and the disk e2fsck-clean afterwards. Each program is
built three times: against our libc, against Debian's static glibc
(/tests/glibc/), and against the same glibc dynamically linked
(/tests/dyn/: the kernel loads glibc's ld-linux.so.2, which maps
libc.so.6). A check only our libc passes is a kernel bug or a libc lie,
and a glibc program must leave no "not implemented" line."""
import glob
import os
import re
import subprocess
import tempfile

import pytest

from oracle import KERNEL_LINE, TESTS, host_can_run_i386
from qemu import DISK4K, ROOT, run_guest

PROGRAMS = sorted(os.path.splitext(os.path.basename(p))[0]
                  for p in glob.glob(os.path.join(ROOT, "tests", "guest", "*.c")))


BUILDS = {"libc": "", "glibc": "glibc/", "dyn": "dyn/"}
# the programs CI runs again at SMP=2 (make test-smp): threads, signals,
# futexes, wait, clone, COW and affinity, where two CPUs change the story
SMP_PROGRAMS = {"t_threads", "t_pthread", "t_pthread_life", "t_clone",
                "t_signals", "t_wait", "t_smp", "t_basic", "t_shm"}
MISSING_CALL = re.compile(r"^syscall: \d+ \(.*\) not implemented")


def host_run(path):
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison for %s" % path)
    with tempfile.TemporaryDirectory() as cwd:
        r = subprocess.run([os.path.join(TESTS, path)], cwd=cwd,
                           capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout.splitlines()


@pytest.mark.parametrize("build", sorted(BUILDS))
@pytest.mark.parametrize("name", [pytest.param(p, marks=pytest.mark.smp)
                                  if p in SMP_PROGRAMS else p for p in PROGRAMS])
def test_guest_program_matches_linux(name, build):
    path = BUILDS[build] + name
    status, guest = run_guest(["/tests/" + path], timeout=120)
    missing = [l for l in guest if MISSING_CALL.search(l)]
    guest = [l for l in guest if not KERNEL_LINE.search(l)]
    failed = [l for l in guest if l.startswith("not ok")]
    assert not failed, "failed in clonix: %s" % failed
    assert status == 0
    if build != "libc":
        assert not missing, "glibc made calls clonix lacks: %s" % missing
    host_status, host = host_run(path)
    assert host_status == 0, "fails on Linux itself:\n" + "\n".join(host)
    assert guest == host


def test_files_on_4k_blocks():
    """The same file tests on an ext2 with 4 KiB blocks (other indirect
    reach, other group layout); the disk must stay e2fsck-clean."""
    status, guest = run_guest(["/tests/t_files"], timeout=120, disk=DISK4K)
    assert status == 0 and "t_files: 0 failed" in guest


def test_page_cache_on_4k_blocks():
    """The page cache where a page is one block (on 1 KiB blocks it is
    four): the same coherence tests, the disk e2fsck-clean after."""
    status, guest = run_guest(["/tests/t_filemap"], timeout=120, disk=DISK4K)
    assert status == 0
    assert not [l for l in guest if l.startswith("not ok")], guest
