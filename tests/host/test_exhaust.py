"""Resource exhaustion ends in errors, not crashes (user/test/exhaust,
clonix only: on the host these would exhaust the host). Each run must end
with init's leak check passing (every object counter back where it was),
init alive to power off, and an e2fsck-clean disk (run_guest checks all
three)."""
import re

from qemu import run_guest


def exhaust(section, **kw):
    status, lines = run_guest(["/bin/exhaust", section], timeout=300, **kw)
    failed = [l for l in lines if l.startswith("not ok")]
    assert not failed, failed
    assert status == 0 and "exhaust: 0 failed" in lines, "\n".join(lines)
    return lines


def test_fork_bomb_ends_in_eagain():
    """threads-max for root, RLIMIT_NPROC for a user; then fork works."""
    lines = exhaust("tasks", options="threads_max=64")
    assert "ok - root: fork fails with EAGAIN exactly at threads-max" in lines
    assert "ok - uid 1000 with RLIMIT_NPROC 10: nine forks, then EAGAIN" in lines


def test_memory_ends_in_enomem_and_the_oom_killer():
    """mmap/brk ENOMEM; fork, pthread_create, pipe and open fail cleanly
    at every allocation (/dev/fail-nth); a memory hog is OOM-killed with a
    console line naming it."""
    lines = exhaust("memory", mem="64M")
    for call in ("fork", "pthread_create", "pipe", "open"):
        assert any(l.startswith("ok - %s fails with" % call) for l in lines)
    oom = [l for l in lines if l.startswith("Out of memory: Killed process")]
    assert len(oom) == 1 and re.match(
        r"Out of memory: Killed process \d+ \(exhaust\) total-vm:\d+kB, "
        r"anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:\d+kB, UID:0", oom[0]), oom


def test_file_descriptors_end_in_emfile():
    exhaust("files")


def test_full_disk_ends_in_enospc_and_stays_clean():
    """ENOSPC from write and mkdir; afterwards e2fsck -fn is clean."""
    lines = exhaust("disk")
    assert "ok - a full disk: write fails with ENOSPC" in lines
