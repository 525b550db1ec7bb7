"""In-kernel self-tests (test=GROUP): every check must print "ok" and the
run must power off with status 0; a leak shows as the group's
"frames and heap balanced" check failing."""
import re
import time

import pytest

from qemu import Boot

GROUPS = ["mm", "buddy", "exhaustion", "pgtable", "kmalloc", "printk",
          "timer", "rtc", "sched", "user", "acct"]


# The user group runs a guest program (t_basic) between two of its own
# checks; the program's TAP lines are its own, numbered from 1.
GUEST_RUN = re.compile(r"^(ok \d+ - user: a task for t_basic\n)"
                       r"(.*?)(^ok \d+ - user: kernel_init reaped)", re.M | re.S)


def run_group(group, mem="128M"):
    with Boot("test=" + group, mem=mem) as b:
        text = b.wait_ok(bugs_expected=(group == "mm"))
    guest = GUEST_RUN.search(text)
    kernel_text = GUEST_RUN.sub(r"\1\3", text)
    results = re.findall(r"^(ok|not ok) \d+ - (.*)$", kernel_text, re.M)
    failed = re.findall(r"^not ok \d+ - (.*)$", text, re.M)
    assert results, "no TAP lines from group %s:\n%s" % (group, text)
    assert not failed, "failed checks: %s" % failed
    assert group != "user" or guest, "the guest's run is not delimited"
    assert re.search(r"^selftest: %d passed, 0 failed$" % len(results),
                     kernel_text, re.M), "a check printed no TAP line"
    return text


@pytest.mark.parametrize("group", GROUPS)
def test_selftest_group(group):
    run_group(group)


def test_lockdep_reports_an_inversion():
    """Two locks taken in both orders, in two functions: the lock-order
    checker (kernel/lib/lockdep.c) reports the second order once, naming
    both locks and both call chains (docs/locking.md)."""
    with Boot("test=lockdep") as b:
        text = b.wait_ok(bugs_expected=True)
    assert not re.findall(r"^not ok .*$", text, re.M)
    assert re.search(r"^BUG: lockdep: possible deadlock: test_lock_a taken "
                     r"while test_lock_b is held", text, re.M), text
    first = text.index("test_lock_a then test_lock_b, at:")
    now = text.index("test_lock_b then test_lock_a (now), at:")
    assert "a_then_b+" in text[first:now]
    assert "b_then_a+" in text[now:]
    assert len(re.findall(r"^BUG: lockdep", text, re.M)) == 1


def test_exhaustion_on_large_guest():
    """The allocator must give out and take back every frame of 768 MiB."""
    text = run_group("exhaustion", mem="768M")
    taken = int(re.search(r"every frame taken \((\d+)\)", text).group(1))
    assert taken > 190000


def test_rtc_matches_host_clock():
    """QEMU's RTC follows the host's UTC clock: the guest's epoch must be
    within two minutes of ours (the margin absorbs a slow boot)."""
    text = run_group("rtc")
    epoch = int(re.search(r"^rtc: epoch (\d+)$", text, re.M).group(1))
    assert abs(epoch - time.time()) < 120


def test_unknown_group_fails():
    """A misspelt group must fail the run, not pass silently."""
    with Boot("test=nosuchgroup") as b:
        status = b.wait()
    assert status == 1
    assert "not ok 1 - no self-test group named 'nosuchgroup'" in b.text
