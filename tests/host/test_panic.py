"""A kernel page fault must end in a readable panic: Linux's oops lines,
registers, a symbolic backtrace, and the panic status through
isa-debug-exit. Also checks that the harness itself reports a panic."""
import pytest

from qemu import Boot, BootError, STATUS_PANIC


def test_page_fault_panic_is_readable():
    with Boot("test=fault") as b:
        status = b.wait()
        text = b.text
    assert status == STATUS_PANIC
    for line in ["BUG: unable to handle page fault for address: 00000010",
                 "#PF: supervisor write access in kernel mode",
                 "#PF: error_code(0x0002) - not-present page",
                 "Kernel panic: page fault at 00000010",
                 "CR2: 00000010", "Call Trace:", "---[ end Kernel panic ]---"]:
        assert line in text
    trace = text.split("Call Trace:")[1]
    for fn in ["selftest_page_fault+", "test_fault+", "selftest_run+", "kmain+"]:
        assert fn in trace, "%s missing from the backtrace" % fn
    # innermost first: the faulting function is the first frame named
    assert trace.index("selftest_page_fault") < trace.index("kmain")


def test_harness_reports_panic_with_tail():
    """wait_ok() on a panicking kernel must fail, quoting the serial tail."""
    with Boot("test=fault") as b:
        with pytest.raises(BootError) as err:
            b.wait_ok()
    assert "last 40 serial lines" in str(err.value)
    assert "Kernel panic" in str(err.value)
