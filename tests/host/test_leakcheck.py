"""The leak check itself must be able to fail: a program that leaves a
process running is reported by name (init waits 10 s for it, then counts
it as a leaked task), and the power-off line is followed by the object
table with every kind."""
import re

import pytest

from qemu import Boot, BootError, run_guest

KINDS = ["task", "mm", "vma", "files", "fs", "sighand", "signal", "sigqueue",
         "file", "inode", "pipe", "shmem", "frames", "kmalloc_bytes"]


def test_a_process_left_running_fails_the_check_by_name():
    with pytest.raises(BootError) as e:
        run_guest(["/bin/sh", "/tests/leak.sh"], timeout=60)
    msg = str(e.value)
    assert "init: leak: 1 processes still running" in msg
    assert re.search(r"init: leak: task: \d+ in use before, \d+ after", msg)


def test_power_off_prints_every_object_kind():
    with Boot("-- /bin/true", disk=True, timeout=30) as b:
        text = b.wait_ok()
    table = re.findall(r"^objects: (\w+) (\d+) (\d+) (\d+) (\d+)$", text,
                       re.M)
    assert [k for k, *_ in table] == KINDS
    for kind, alive, created, destroyed, cached in table:
        assert int(alive) == int(created) - int(destroyed), kind
        assert int(cached) <= int(alive), kind
