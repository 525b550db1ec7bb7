"""A kernel page fault must end in a readable panic: Linux's oops lines,
registers, a symbolic backtrace, and the panic status through
isa-debug-exit. Also checks that the harness itself reports a panic."""
import re

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
    for fn in ["selftest_page_fault+", "test_fault+", "selftest_run+",
               "kernel_init+", "ret_from_kernel_thread+"]:
        assert fn in trace, "%s missing from the backtrace" % fn
    # innermost first: the faulting function is the first frame named
    assert trace.index("selftest_page_fault") < trace.index("kernel_init")


def test_harness_reports_panic_with_tail():
    """wait_ok() on a panicking kernel must fail, quoting the serial tail."""
    with Boot("test=fault") as b:
        with pytest.raises(BootError) as err:
            b.wait_ok()
    assert "last 40 serial lines" in str(err.value)
    assert "Kernel panic" in str(err.value)


def test_stack_overflow_canary_panics():
    """A kernel stack that ran past its end (its canary overwritten) stops
    the kernel at the next schedule with a message naming the task."""
    with Boot("test=stack") as b:
        status = b.wait()
        text = b.text
    assert status == STATUS_PANIC
    assert re.search(r"Kernel panic: kernel stack overflow: pid \d+ \(\S+\) "
                     r"went past its 8192-byte stack", text)


def test_panic_prints_registers_and_trace():
    with Boot("test=panic") as b:
        status = b.wait()
        text = b.text
    assert status == STATUS_PANIC
    assert "Kernel panic: deliberate panic from test=panic (42)" in text
    assert re.search(r"EIP: [0-9a-f]{8} EBP: c[0-9a-f]{7} ESP: c[0-9a-f]{7} "
                     r"EFLAGS: [0-9a-f]{8} \(caller of panic\)", text)
    trace = text.split("Call Trace:")[1]
    assert trace.index("selftest_panic+") < trace.index("kernel_init+")


def test_harness_reports_triple_fault():
    """A reset with -no-reboot ends QEMU with 0: that is no power-off."""
    with Boot("test=triple") as b:
        with pytest.raises(BootError) as err:
            b.wait()
    assert "reset (triple fault)" in str(err.value)
    assert "triple: loading an empty IDT" in str(err.value)


def test_harness_reports_timeout():
    """A kernel that never powers off fails the test when its time is up."""
    with Boot("", timeout=3) as b:
        b.expect(r"'q' powers off")
        with pytest.raises(BootError) as err:
            b.wait()
    assert "timed out after 3 s" in str(err.value)
