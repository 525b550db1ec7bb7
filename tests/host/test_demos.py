"""The user/demo programs say what they prove; check that they prove it:
clone_demo's flags, cow_demo's fault counts, threads_demo's shared
objects (seen through /dev/tasks) and vfork_demo's suspension — and that
trace=clone,cow narrates copy_process and the COW breaks."""
import re

import pytest

from qemu import Boot


@pytest.fixture(scope="module")
def demos():
    with Boot("trace=clone,cow -- /bin/sh /tests/demos.sh", disk=True,
              timeout=120) as b:
        b.wait_ok()
        b.fsck()
        return b.text


def test_clone_demo_flags(demos):
    yes_no = re.findall(r"^  .*\((CLONE_\w+)\): +(yes|no)$", demos, re.M)
    assert [v for _, v in yes_no[:5]] == ["no"] * 5      # like fork
    assert [v for _, v in yes_no[5:10]] == ["yes"] * 5   # like a thread


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
