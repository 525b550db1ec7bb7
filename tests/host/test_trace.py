"""The trace command: a task's own trace channels (/proc/PID/trace),
inherited by what it starts, and only by that."""
from qemu import run_guest


def test_trace_narrates_the_command_and_its_children():
    status, lines = run_guest(["/bin/trace", "exit,wait", "/bin/vfork_demo"],
                              timeout=120)
    assert status == 0
    exits = [l for l in lines if l.startswith("[exit] ")]
    assert any("(vfork_demo) exits" in l for l in exits)
    assert len([l for l in exits if "exits" in l]) >= 2, "the child is traced too"
    assert any(l.startswith("[wait] ") for l in lines)


def test_an_untraced_task_says_none_and_prints_nothing():
    status, lines = run_guest(["/bin/cat", "/proc/self/trace"])
    assert status == 0 and lines == ["none"]


def test_trace_shows_and_checks_the_channels():
    status, lines = run_guest(["/bin/trace", "cow,clone"])
    assert status == 0 and lines == ["cow clone"]
    status, lines = run_guest(["/bin/trace", "cow,nosuch", "/bin/true"])
    assert status == 1 and lines == ["cow,nosuch: Invalid argument"]
