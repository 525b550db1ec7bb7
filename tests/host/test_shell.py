"""/bin/sh and the small coreutils, from the disk: a script with
pipelines and redirections, and a file the guest writes that the host
reads back with debugfs from the image."""
from qemu import Boot, after_mounts, run_guest

EXPECTED = """hello
single  quoted double / $HOME
name=clonix
first
second
status 1
status 0
ls status 1
bg1
/tmp/dir
sh: nosuchcommand: not found
not found status 127""".splitlines()


def test_script_with_pipelines():
    with Boot("-- /bin/sh /tests/pipeline.sh", disk=True, timeout=60) as b:
        b.wait_ok()
        b.fsck()
        out = after_mounts(b.text)
        assert out[:len(EXPECTED)] == EXPECTED
        assert "init: /bin/sh exited with status 0" in out
        # the host reads what the guest wrote, from the image
        assert b.debugfs_cat("/tmp/hello.txt") == b"written by clonix\n"


def test_ls_long_lists_bin():
    with Boot("-- /bin/ls -l /bin", disk=True) as b:
        b.wait_ok()
        b.fsck()
        lines = after_mounts(b.text)
    names = [l.split()[-1] for l in lines if l.startswith("-rwx")]
    for prog in ["cat", "echo", "ls", "sh"]:
        assert prog in names


def test_expansion_per_command_and_globbing():
    """$? is expanded when its command runs (busybox and dash print the
    same lines for tests/scripts/expand.sh)."""
    status, lines = run_guest(["/bin/sh", "/tests/expand.sh"])
    assert status == 0
    assert lines == ["after false: 1", "after true: 0", "a.c b.c",
                     "a.c b.c b.h", ". .. .hidden", "a.c b.c b.h", "b.c b.h",
                     "/tmp/glob/b.h", "a* b* z*"]
