"""Nothing lost when the machine is switched off without warning: the
flusher thread (kernel/fs/sync.c) writes dirty buffers back within
seconds, and fsync writes exactly one file. QEMU is killed with SIGKILL,
no power-off, no sync; then the host's e2fsck and debugfs read the disk."""
import signal
import subprocess

from qemu import Boot

SIZES = {"f0": 1, "f1": 1000, "f2": 4096, "f3": 20000, "f4": 300000,
         "sub/g": 5000}


def pattern(path, size):
    """What user/test/writeback.c writes at path (its guest path)."""
    return bytes(ord("a") + (i * 7 + len(path)) % 26 for i in range(size))


def kill_hard(b):
    b.proc.send_signal(signal.SIGKILL)
    b.proc.wait()


def test_files_survive_a_hard_kill_after_writeback():
    with Boot("-- /bin/writeback files /wb", disk=True, timeout=120) as b:
        b.expect(r"^writeback: files written$")
        b.expect(r"^writeback: clean$")
        kill_hard(b)
        assert "Kernel panic" not in b.text
        b.fsck()
        for name, size in SIZES.items():
            path = "/wb/" + name
            assert b.debugfs_cat(path) == pattern(path, size), path


def test_without_writeback_the_files_would_be_lost():
    """The control: with the flusher off (dirty_expire=0), the files are
    not all on the disk when the machine dies: the test above passes
    because of the writeback, not by chance."""
    with Boot("dirty_expire=0 -- /bin/writeback files /wb", disk=True,
              timeout=120) as b:
        b.expect(r"^writeback: files written$")
        kill_hard(b)
        on_disk = [b.debugfs_cat("/wb/" + n) for n in SIZES]
        assert any(c != pattern("/wb/" + n, s)
                   for c, (n, s) in zip(on_disk, SIZES.items()))


def test_fsync_writes_exactly_that_file():
    """With the flusher off, only fsync can have written the file."""
    with Boot("dirty_expire=0 -- /bin/writeback fsync /fs", disk=True,
              timeout=120) as b:
        b.expect(r"^writeback: synced$")
        kill_hard(b)
        assert b.debugfs_cat("/fs/synced") == pattern("/fs/synced", 30000)
        # its data is not on the disk; its inode may be (an inode table
        # block holds many inodes, the synced file's among them)
        assert b.debugfs_cat("/fs/unsynced") != pattern("/fs/unsynced", 3000)


def test_dirty_buffers_in_kstat():
    with Boot("-- /bin/cat /dev/kstat", disk=True, timeout=60) as b:
        b.wait()
        assert any(l.startswith("dirty_buffers ") for l in b.text.splitlines())
