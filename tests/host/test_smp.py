"""Two CPUs, whatever SMP the suite runs at (docs/smp.md): both are up
and listed by /proc, smp_demo shows threads pinned to each, a TLB
shootdown under trace=tlb and updates lost without the lock prefix; the
lock table is in docs/. t_smp (tests/guest) checks affinity and getcpu
against Linux at the suite's SMP."""
import os
import re

import pytest

from qemu import ROOT, Boot, run_guest


def test_both_cpus_in_proc():
    status, lines = run_guest(["/bin/cat", "/proc/cpuinfo", "/proc/stat",
                               "/proc/interrupts"], smp=2)
    text = "\n".join(lines)
    assert status == 0
    assert re.findall(r"^processor\s+: (\d+)$", text, re.M) == ["0", "1"]
    assert re.search(r"^cpu0 \d+", text, re.M) and re.search(r"^cpu1 \d+", text, re.M)
    assert re.search(r"^\s+CPU0\s+CPU1$", text, re.M)
    assert re.search(r"^LOC:\s+\d+\s+\d+\s+Local timer", text, re.M)
    # the serial line goes through the I/O APIC, the PIT's through the 8259
    assert re.search(r"^\s+4:\s+\d+\s+\d+\s+IO-APIC\s+4$", text, re.M), text
    assert re.search(r"^\s+0:\s+[1-9]\d*\s+0\s+XT-PIC\s+0$", text, re.M), text


def test_smp_demo_pins_shoots_down_and_loses_updates():
    status, lines = run_guest(["/bin/smp_demo"], options="trace=tlb", smp=2)
    text = "\n".join(lines)
    assert status == 0
    assert "smp_demo: 2 CPUs" in text
    assert "thread 0 pinned to cpu 0: getcpu says cpu 0" in text
    assert "thread 1 pinned to cpu 1: getcpu says cpu 1" in text
    assert "the reader saw the write" in text
    # the COW break of the page the reader on cpu 1 reads: one page, cpu 1
    assert re.search(r"^\[tlb\] pid \d+ \(smp_demo\) on cpu 0: [0-9a-f]{8}-"
                     r"[0-9a-f]{8} \(1 page\) on cpu 1", text, re.M), text
    plain = int(re.search(r"^  incl:\s+(\d+)", text, re.M).group(1))
    locked = int(re.search(r"^  lock incl:\s+(\d+)", text, re.M).group(1))
    assert locked == 6000000
    assert plain < 6000000, "no update lost in three tries on two CPUs"


def test_smp_demo_on_one_cpu_loses_nothing():
    status, lines = run_guest(["/bin/smp_demo"], smp=1)
    text = "\n".join(lines)
    assert status == 0 and "smp_demo: 1 CPU" in text
    assert "incl:      6000000 (nothing lost)" in text


def test_lock_table_is_documented():
    with open(os.path.join(ROOT, "docs", "locking.md")) as f:
        doc = f.read()
    names = set(re.findall(r"DEFINE_SPINLOCK\((\w+)\)", "\n".join(
        open(os.path.join(d, f)).read()
        for d, _, fs in os.walk(os.path.join(ROOT, "kernel"))
        for f in fs if f.endswith(".c") and "test" not in d)))
    missing = [n for n in names if "`%s`" % n not in doc]
    assert names and not missing, "locks not in docs/locking.md: %s" % missing


@pytest.mark.parametrize("mem", ["32M", "64M", "768M"])
def test_second_cpu_starts_at_every_memory_size(mem):
    """The AP turns paging on with a page directory that maps its idle
    stack wherever the frame allocator put it (with 64 MiB, above the
    16 MiB the boot page directory maps: it triple-faulted)."""
    with Boot("-- /bin/true", mem=mem, disk=True, smp=2) as b:
        text = b.wait_ok()
    assert "smp: 2 of 2 CPUs online" in text


@pytest.mark.parametrize("maxcpus, online, apic", [("1", 1, True),
                                                   ("0", 1, False)])
def test_maxcpus_starts_fewer_cpus(maxcpus, online, apic):
    """maxcpus=N on a two-CPU machine: at most N CPUs start (Linux's
    option); with 0 the kernel does not touch an APIC at all, as at SMP=1,
    and the serial line stays on the 8259."""
    with Boot("maxcpus=%s -- /bin/cat /proc/cpuinfo /proc/interrupts"
              % maxcpus, disk=True, smp=2) as b:
        text = b.wait_ok()
    assert len(re.findall(r"^processor\s+: \d+$", text, re.M)) == online
    assert ("smp: 1 of 2 CPUs online" in text) == apic, text
    assert ("IO-APIC" in text) == apic


def test_fork_and_exit_wake_ups_send_no_ipi():
    """300 rounds of the shell's fork, the child's exec and exit, and the
    shell's wait at SMP=2: the new child and the parent woken by its exit
    run on the CPU that woke them (wake_up_new_task, waker_leaves_cpu), so
    the idle CPU is not sent a reschedule IPI each time (that was two per
    round, and made fork+wait at SMP=2 up to 1.7x as slow as at SMP=1)."""
    status, lines = run_guest(["/opt/busybox/sh", "/tests/wakeipi.sh"], smp=2)
    assert status == 0
    m = re.search(r"^reschedule IPIs: (\d+)$", "\n".join(lines), re.M)
    assert m, lines
    assert int(m.group(1)) < 60, lines
