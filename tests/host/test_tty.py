"""The console as a terminal: the interactive shell on it, ^C ending the
foreground job (SIGINT from the line discipline) but not the shell, and
the line editing keys; job control: ^Z stops the foreground job, bg and
fg continue it, and a background job that writes under TOSTOP is stopped
by SIGTTOU; kill %n, and how a job ended."""
import re
import time

from qemu import Boot


def shell():
    b = Boot("", disk=True, timeout=60)
    b.expect(r"^\$ ", )
    return b


def wait_for_task(b, comm, state="S"):
    """^P until the task list shows comm in state (S: asleep, exec'd, in
    nanosleep; T: stopped)."""
    for _ in range(100):
        time.sleep(0.1)     # let the guest get on (no assertion on time)
        n = len(b.text)
        b.send("\x10")
        b.expect(r"buddyinfo:", n)
        if re.search(r" %s .* %s$" % (state, comm), b.text[n:], re.M):
            return
    b.fail("%s never showed up in state %s" % (comm, state))


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


def test_job_control_ctrl_z_bg_fg():
    with shell() as b:
        b.send("sleep 30\n")
        wait_for_task(b, "sleep")
        b.send("\x1a")
        b.expect(r"^\[1\]\+  Stopped  +sleep 30$")
        wait_for_task(b, "sleep", "T")
        b.send("echo status $?\n")
        b.expect(r"^(\$ )?status 148$")      # 128 + SIGTSTP, as bash
        b.send("jobs\n")
        b.expect(r"^(\$ )?\[1\]\+  Stopped  +sleep 30$")
        b.send("bg\n")
        b.expect(r"^(\$ )?\[1\]\+ sleep 30 &$")
        wait_for_task(b, "sleep")            # running again, in nanosleep
        b.send("fg %1\n")
        b.expect(r"^(\$ )?sleep 30$")
        time.sleep(0.2)
        b.send("\x03")
        b.expect(r"\^C")
        b.send("echo status $?\n")
        b.expect(r"^(\$ )?status 130$")
        n = len(b.text)
        b.send("jobs; echo no jobs\n")
        m = b.expect(r"^(\$ )?no jobs$", n)
        assert "[1]" not in b.text[n:m.start()]
        b.send("exit\n")
        assert b.wait() == 0
        b.fsck()


def test_background_write_under_tostop_gets_sigttou():
    with shell() as b:
        b.send("stty tostop; stty\n")
        b.expect(r"^(\$ )?icanon echo isig tostop$")
        b.send("sleep 1; echo quiet &\n")
        b.send("sleep 2; jobs\n")
        b.expect(r"^(\$ )?\[1\]\+  Stopped  +echo quiet$")
        b.send("fg\n")
        b.expect(r"^(\$ )?quiet$")
        b.send("stty -tostop; echo loud &\n")
        b.expect(r"^(\$ )?loud$")
        b.send("exit\n")
        assert b.wait() == 0


def test_kill_builtin_and_how_jobs_end():
    """kill %n signals a job; the shell says how it ended as bash does,
    with the core bit of the wait status: clonix sets it for the "core"
    signals (no core file is written)."""
    with shell() as b:
        b.send("sleep 30 &\n")
        b.expect(r"^(\$ )?\[1\] \d+$")
        wait_for_task(b, "sleep")
        b.send("kill -SEGV %1; sleep 1; jobs\n")
        b.expect(r"^(\$ )?\[1\]\+  Segmentation fault \(core dumped\) sleep 30$")
        b.send("sleep 30 &\n")
        wait_for_task(b, "sleep")
        b.send("kill %1; sleep 1; jobs\n")
        b.expect(r"^(\$ )?\[1\]\+  Terminated sleep 30$")
        n = len(b.text)
        b.send("kill -NOPE 1\n")
        b.expect(r"sh: kill: -NOPE: invalid signal$", n)
        n = len(b.text)
        b.send("kill %7\n")
        b.expect(r"sh: kill: no such job$", n)
        n = len(b.text)
        b.send("echo status $?\n")
        b.expect(r"^(\$ )?status 1$", n)
        b.send("exit\n")
        assert b.wait() == 0


def test_job_that_ended_is_reported_after_later_commands():
    """A background job that ends while the shell runs other commands is
    still reported, once, at the next prompt or by jobs (bash does so):
    starting a new job must not free the old slot unsaid."""
    with shell() as b:
        b.send("sleep 30 &\n")
        b.expect(r"^(\$ )?\[1\] \d+$")
        wait_for_task(b, "sleep")
        b.send("kill -SEGV %1; sleep 1; sleep 0; jobs; echo after\n")
        b.expect(r"^(\$ )?\[1\]\+  Segmentation fault \(core dumped\) sleep 30$")
        n = b.expect(r"^after$").end()
        b.send("jobs; echo twice\n")
        b.expect(r"^(\$ )?twice$", n)
        assert "Segmentation" not in b.text[n:], "reported twice"
        b.send("exit\n")
        assert b.wait() == 0


def test_motd_lists_every_demo():
    """make run greets with /etc/motd, which names each user/demo program
    (and only those)."""
    import glob
    import os
    import re
    from qemu import ROOT
    demos = {os.path.basename(p)[:-2] for p in glob.glob(os.path.join(ROOT, "user", "demo", "*.c"))}
    with shell() as b:
        listed = set(re.findall(r"^  (\w+_demo|forkbench)\b", b.text, re.M))
    assert demos <= listed, "motd misses %s" % (demos - listed)
    assert listed <= demos | {"forkbench"}
