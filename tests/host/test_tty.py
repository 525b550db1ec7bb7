"""The console as a terminal: the interactive shell on it, ^C ending the
foreground job (SIGINT from the line discipline) but not the shell, and
the line editing keys."""
import re
import time

from qemu import Boot


def shell():
    b = Boot("", disk=True, timeout=60)
    b.expect(r"^\$ ", )
    return b


def wait_for_task(b, comm):
    """^P until the task list shows comm asleep (exec'd, in nanosleep)."""
    for _ in range(100):
        time.sleep(0.1)     # let the guest get on (no assertion on time)
        n = len(b.text)
        b.send("\x10")
        b.expect(r"buddyinfo:", n)
        if re.search(r" S .* %s$" % comm, b.text[n:], re.M):
            return
    b.fail("%s never showed up asleep" % comm)


def test_ctrl_c_ends_the_job_not_the_shell():
    with shell() as b:
        b.send("sleep 30\n")
        wait_for_task(b, "sleep")
        b.send("\x03")
        b.expect(r"\^C")
        b.send("echo status $?\n")
        b.expect(r"^(\$ )?status 130$")  # the next prompt may come first
        b.send("exit\n")
        assert b.wait() == 0
        b.fsck()


def test_line_editing_erase_and_kill():
    with shell() as b:
        b.send("echo abX\x7fc\n")
        b.expect(r"^(\$ )?abc$")
        b.send("garbage\x15echo fine\n")
        b.expect(r"^(\$ )?fine$")
        b.send("exit\n")
        assert b.wait() == 0
