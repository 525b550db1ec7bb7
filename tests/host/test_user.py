"""test=user: tests/guest/t_basic exec'd from the kernel image, as the
first user program. Its output must match the same binary run natively
on the host Linux, line for line, and it must exit with status 0."""
import re

from oracle import guest_lines, run_on_host
from qemu import Boot


def boot_user():
    with Boot("test=user") as b:
        return b.wait_ok()


def test_t_basic_passes_in_clonix():
    text = boot_user()
    lines = guest_lines(text, r"^ok \d+ - user: a task for t_basic",
                        r"^ok \d+ - user: kernel_init reaped")
    failed = [l for l in lines if l.startswith("not ok")]
    assert not failed, failed
    assert "t_basic: 0 failed" in lines
    assert re.search(r"^ok \d+ - user: t_basic exited with status 0", text, re.M)


def test_t_basic_matches_linux():
    host, rc = run_on_host("t_basic")
    assert rc == 0, "t_basic fails on the host Linux itself:\n" + "\n".join(host)
    text = boot_user()
    guest = guest_lines(text, r"^ok \d+ - user: a task for t_basic",
                        r"^ok \d+ - user: kernel_init reaped")
    assert guest == host


def test_segfault_is_reported_like_linux():
    """A user fault prints Linux's one-line report and kills the task only."""
    text = boot_user()
    assert re.search(r"^t_basic\[\d+\]: segfault at 0 ip [0-9a-f]{8} sp "
                     r"[0-9a-f]{8} error 6$", text, re.M)
