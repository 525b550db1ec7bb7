"""The user/demo programs say what they prove; check that they prove it:
clone_demo's flags, cow_demo's fault counts, threads_demo's shared
objects (seen through /dev/tasks), vfork_demo's suspension and wait_demo's
table — and that trace=clone,cow narrates copy_process and the COW breaks."""
import os
import re
import subprocess

import pytest

from oracle import host_can_run_i386
from qemu import ROOT, Boot, run_guest


@pytest.fixture(scope="module")
def demos():
    with Boot("trace=clone,cow -- /bin/sh /tests/demos.sh", disk=True,
              timeout=120) as b:
        b.wait_ok()
        b.fsck()
        return b.text


def test_clone_demo_flags(demos):
    yes_no = re.findall(r"^  .*\((CLONE_\w+)\): +(yes|no)$", demos, re.M)
    assert [v for _, v in yes_no[:6]] == ["no"] * 6      # like fork
    assert [v for _, v in yes_no[6:12]] == ["yes"] * 6   # like a thread
    assert ("root moved by chroot", "yes") in [
        (l.split("(")[0].strip(), v) for l, v in re.findall(
            r"^  (.*\(CLONE_FS\)): +(yes|no)$", demos, re.M)]


def test_cow_demo_fault_counts(demos):
    assert "first touch of 8 pages: 8 minor faults" in demos
    assert "second touch: 0 minor faults" in demos
    assert "child writes: 8 minor faults" in demos
    assert "child writes again: 0" in demos
    assert "parent writes after the child is gone: 8 minor faults" in demos
    assert re.search(r"^\[cow\] copy [0-9a-f]{8} pid \d+: frame [0-9a-f]+ had 2 users$",
                     demos, re.M)
    assert re.search(r"^\[cow\] reuse [0-9a-f]{8} pid \d+: last user", demos, re.M)


def test_threads_demo_shares_everything(demos):
    rows = re.findall(r"^ +\d+ +(\d+) +\d+ \w +(\d+)/(\d) +(\d+)/(\d) +(\d+)/(\d) "
                      r"+(\d+)/(\d) +(\d+)/(\d) +threads_demo$", demos, re.M)
    assert len(rows) == 4
    assert len(set(rows)) == 1, "all four tasks point at the same objects"
    assert rows[0][2::2] == ("4",) * 5, "each object is used 4 times"


def test_vfork_demo(demos):
    child = demos.index("child: wrote 42 into the parent's memory")
    parent = demos.index("parent: resumed after the child's _exit; shared = 42")
    assert child < parent


def test_trace_clone_narrates_copy_process(demos):
    assert re.search(r"^\[clone\] copy_process: \d+<-\d+ files=shared fs=shared "
                     r"sighand=shared signal=shared mm=shared tgid=\d+ exit_signal=-1$",
                     demos, re.M)
    assert re.search(r"^\[clone\] copy_process: \d+<-\d+ files=copy fs=copy "
                     r"sighand=copy signal=copy mm=cow tgid=\d+ exit_signal=17$",
                     demos, re.M)


def test_wait_demo_table_is_linuxs():
    """wait_demo's table of which child each wait can reap, from the leader
    and from a second thread, is the one the host Linux prints, and it
    says what wait(2) says (checked here cell by cell, so that a Linux
    host that cannot run i386 code still tests the guest)."""
    status, guest = run_guest(["/bin/wait_demo"])
    assert status == 0
    table = [l.split() for l in guest if re.match(r"^(leader|thread) ", l)]
    cells = {(r[0], r[1]): r[2:] for r in table}
    assert cells[("leader", "(default)")] == ["reaps", "-", "reaps"]
    assert cells[("leader", "__WCLONE")] == ["-", "reaps", "-"]
    assert cells[("leader", "__WALL")] == ["reaps"] * 3
    assert cells[("leader", "__WNOTHREAD")] == ["reaps", "-", "-"]
    assert cells[("thread", "__WNOTHREAD")] == ["-", "-", "reaps"]
    assert cells[("thread", "__WALL|__WNOTHREAD")] == ["-", "-", "reaps"]
    assert len(table) == 10
    assert "the leader reaps all with __WALL: 3 children" in guest[-1]
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison")
    host = subprocess.run([os.path.join(ROOT, "build", "user", "demo", "wait_demo")],
                          capture_output=True, text=True, timeout=60)
    assert guest == host.stdout.splitlines()


def test_pthread_demo_matches_linux():
    """pthread_demo's four programs (lost updates without a mutex, none
    with one; producer/consumer; errno per thread; TSD destructors) print
    what the host Linux prints, apart from the lines in parentheses,
    which are this run's figures."""
    status, guest = run_guest(["/bin/pthread_demo"])
    assert status == 0
    assert "  without a mutex: updates were lost" in guest
    assert "  with a mutex:    800000, none lost: yes" in guest
    assert "prodcons: 1000 items through 4 slots: sum 500500, in order: yes" in guest
    assert "  main thread's errno is still 0" in guest
    assert guest.count([l for l in guest if "destructor: freeing" in l][0]) == 1
    fixed = [l for l in guest if not l.startswith("  (this run")]
    assert len(fixed) == 16
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison")
    host = subprocess.run([os.path.join(ROOT, "build", "user", "demo", "pthread_demo")],
                          capture_output=True, text=True, timeout=60)
    assert fixed == [l for l in host.stdout.splitlines()
                     if not l.startswith("  (this run")]
