"""tests/host/oracle.py — run a guest test program natively on the host.

Every program in tests/guest/ is a static Linux i386 binary, so the host
Linux is the oracle: what it prints there is what clonix must print. The
comparison is skipped, loudly, only when the host cannot run i386 code.
"""
import os
import re
import subprocess

import pytest

from qemu import ROOT

TESTS = os.path.join(ROOT, "build", "tests")
# Lines the kernel prints about a task (Linux puts these in dmesg, not on
# the program's stdout), to drop from a guest transcript.
KERNEL_LINE = re.compile(r"^\S+\[\d+\]: segfault at |^syscall: \d+ \(|"
                         r"^show_signal_msg: \d+ callbacks suppressed")


def host_can_run_i386():
    try:
        r = subprocess.run([os.path.join(TESTS, "t_basic")],
                           capture_output=True, timeout=30)
    except OSError:
        return False
    return r.returncode in (0, 1)


def run_on_host(name, *args):
    """stdout lines of build/tests/NAME run natively, or skip loudly."""
    if not host_can_run_i386():
        pytest.skip("HOST CANNOT RUN i386 BINARIES: no Linux comparison "
                    "for %s" % name)
    r = subprocess.run([os.path.join(TESTS, name)] + list(args),
                       capture_output=True, text=True, timeout=60)
    return r.stdout.splitlines(), r.returncode


def guest_lines(text, start, end):
    """The program's lines: after the line matching start, before the one
    matching end, without the kernel's own lines."""
    lines = text.splitlines()
    i = next(n for n, l in enumerate(lines) if re.search(start, l)) + 1
    j = next(n for n, l in enumerate(lines) if n >= i and re.search(end, l))
    return [l for l in lines[i:j] if not KERNEL_LINE.search(l)]
